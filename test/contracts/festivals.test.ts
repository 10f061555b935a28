import { expect, test } from 'vitest';
import { festivalWindows } from '../../contracts/festivals.ts';

test('the festival windows that overlap a range: new-year shopping and the Torch Festival', () => {
  // Spring Festival 2026-02-17: its window is the 14 days before, 02-03 to 02-16.
  expect(festivalWindows('2026-01-01', '2026-03-31')).toEqual([
    { kind: 'spring_festival', year: 2026, day: '2026-02-17', from: '2026-02-03', to: '2026-02-16' },
  ]);
  // Torch Festival 2025-07-18: 07-15 to 07-20; a range touching its last day still has it.
  expect(festivalWindows('2025-07-20', '2025-08-31')).toEqual([
    { kind: 'torch_festival', year: 2025, day: '2025-07-18', from: '2025-07-15', to: '2025-07-20' },
  ]);
  expect(festivalWindows('2025-09-01', '2025-12-31')).toEqual([]);
});
