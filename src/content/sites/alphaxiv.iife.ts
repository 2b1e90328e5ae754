// The content script on alphaXiv pages: its adapter alone (manifest.json injects it on the site's hosts only).
import { alphaxiv } from '../../adapters/alphaxiv.ts';
import { startContentScript } from '../start.ts';

startContentScript(alphaxiv);
