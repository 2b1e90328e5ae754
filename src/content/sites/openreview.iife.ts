// The content script on OpenReview pages: its adapter alone (manifest.json injects it on the site's hosts only).
import { openreview } from '../../adapters/openreview.ts';
import { startContentScript } from '../start.ts';

startContentScript(openreview);
