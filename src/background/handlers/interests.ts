// The reader's interest model as the popup sees it: whether listings are ranked, or how many papers to save first.
import type { WorkerServices } from '../services.ts';
import type { PageHandlers } from './context.ts';

export function interestHandlers({ interests }: WorkerServices): Pick<PageHandlers, 'interestStatus'> {
  return {
    async interestStatus() {
      return interests.status();
    },
  };
}
