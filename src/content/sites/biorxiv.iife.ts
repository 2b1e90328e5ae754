// The content script on bioRxiv and medRxiv pages: its adapter alone (manifest.json injects it on the site's hosts only).
import { biorxiv } from '../../adapters/biorxiv.ts';
import { startContentScript } from '../start.ts';

startContentScript(biorxiv);
