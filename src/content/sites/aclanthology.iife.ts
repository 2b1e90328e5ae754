// The content script on ACL Anthology pages: its adapter alone (manifest.json injects it on the site's hosts only).
import { aclanthology } from '../../adapters/aclanthology.ts';
import { startContentScript } from '../start.ts';

startContentScript(aclanthology);
