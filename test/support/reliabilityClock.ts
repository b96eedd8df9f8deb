// The reliability suite's fixed start time and clock.
import { FakeClock as BaseClock } from './fakeClock';

export const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);

export class FakeClock extends BaseClock {
  constructor() {
    super(NOW);
  }
}
