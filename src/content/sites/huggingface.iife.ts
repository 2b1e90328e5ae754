// The content script on Hugging Face Papers pages: its adapter alone (manifest.json injects it on the site's hosts only).
import { huggingface } from '../../adapters/huggingface.ts';
import { startContentScript } from '../start.ts';

startContentScript(huggingface);
