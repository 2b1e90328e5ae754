// The content script on Google Scholar pages: its adapter alone (manifest.json injects it on the site's hosts only).
import { googlescholar } from '../../adapters/googlescholar.ts';
import { startContentScript } from '../start.ts';

startContentScript(googlescholar);
