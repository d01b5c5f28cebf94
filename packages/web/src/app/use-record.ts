import {
  type QueryKey,
  type UseQueryOptions,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useCallback, useState } from 'react';

/**
 * Reads one record for an edit form. `reload` fetches the latest version after an edit conflict and
 * gives the form a new key, so it starts again from what is stored now.
 */
export function useRecord<T, K extends QueryKey>(
  options: UseQueryOptions<T, Error, T, K> & { queryKey: K },
) {
  const queryClient = useQueryClient();
  // The form edits the version it was shown: no silent refetch may swap it underneath.
  const query = useQuery({ ...options, staleTime: Number.POSITIVE_INFINITY });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(async () => {
    await queryClient.refetchQueries({ queryKey: options.queryKey, exact: true });
    setGeneration((g) => g + 1);
  }, [queryClient, options.queryKey]);
  return { query, reload, formKey: String(generation) };
}
