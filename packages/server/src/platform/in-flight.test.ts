import { describe, expect, it } from 'vitest';
import { InFlight } from './in-flight.ts';

describe('computations in flight', () => {
  it('hands the first computation’s result to those who joined it, then forgets the key', async () => {
    const flights = new InFlight<string>();
    expect(flights.join('a')).toBeUndefined();
    const end = flights.lead('a');
    const joined = [flights.join('a'), flights.join('a')];
    expect(flights.join('b')).toBeUndefined();
    end('answer');
    expect(await Promise.all(joined)).toEqual(['answer', 'answer']);
    expect(flights.join('a')).toBeUndefined();
    expect(flights.size).toBe(0);
  });

  it('tells those waiting that there is nothing to share, once, and leaves a newer lead alone', async () => {
    const flights = new InFlight<string>();
    const endFirst = flights.lead('a');
    const waiting = flights.join('a');
    endFirst(null);
    endFirst('too late');
    expect(await waiting).toBeNull();
    // Two askers that found nothing to share both compute; the older ending keeps the newer key.
    const endSecond = flights.lead('a');
    const endThird = flights.lead('a');
    const third = flights.join('a');
    endSecond('second');
    expect(flights.size).toBe(1);
    endThird('third');
    expect(await third).toBe('third');
    expect(flights.size).toBe(0);
  });
});
