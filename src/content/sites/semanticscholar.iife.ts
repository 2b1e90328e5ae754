// The content script on Semantic Scholar pages: its adapter alone (manifest.json injects it on the site's hosts only).
import { semanticscholar } from '../../adapters/semanticscholar.ts';
import { startContentScript } from '../start.ts';

startContentScript(semanticscholar);
