// The content script on DBLP pages: its adapter alone (manifest.json injects it on the site's hosts only).
import { dblp } from '../../adapters/dblp.ts';
import { startContentScript } from '../start.ts';

startContentScript(dblp);
