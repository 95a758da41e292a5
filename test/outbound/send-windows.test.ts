import { slidingWindowDelayMs } from '../../outbound/send-windows';

describe('sliding send windows', () => {
  const windows = [
    { sends: 2, perMs: 1_000 },
    { sends: 3, perMs: 10_000 },
  ];

  it('waits for nothing while every window has room', () => {
    expect(slidingWindowDelayMs([], windows, 0)).toBe(0);
    expect(slidingWindowDelayMs([100], windows, 200)).toBe(0);
  });

  it('waits until the oldest send that would make one too many has left the window', () => {
    // Two sends answered at 100 and 300: a third at 400 would be the third in a second; it may go at 1,100.
    expect(slidingWindowDelayMs([100, 300], windows, 400)).toBe(700);
    expect(slidingWindowDelayMs([100, 300], windows, 1_100)).toBe(0);
  });

  it('takes the longest wait any window asks for', () => {
    // Three sends in ten seconds already: the 10 s window holds the fourth until 10 s after the first.
    expect(slidingWindowDelayMs([0, 2_000, 4_000], windows, 5_000)).toBe(5_000);
  });
});
