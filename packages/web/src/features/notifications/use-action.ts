import { useState } from 'react';

/**
 * A write with its pending state. Not TanStack Query's useMutation: the workspace groups
 * @tanstack modules into the first page's chunk, and useMutation would add about 0.5 KB gzipped
 * there for two buttons (DESIGN §6 budget).
 */
export function useAction<V, R>(
  run: (value: V) => Promise<R>,
  on: { success?: (result: R) => void; error?: (error: unknown) => void; settled?: () => void },
) {
  const [pending, setPending] = useState<{ value: V } | null>(null);
  return {
    pending,
    start(value: V) {
      setPending({ value });
      run(value)
        .then(on.success, on.error)
        .finally(() => {
          setPending(null);
          on.settled?.();
        });
    },
  };
}
