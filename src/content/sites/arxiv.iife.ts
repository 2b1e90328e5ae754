// The content script on arXiv pages: its adapter alone (manifest.json injects it on the site's hosts only).
import { arxiv } from '../../adapters/arxiv.ts';
import { startContentScript } from '../start.ts';

startContentScript(arxiv);
