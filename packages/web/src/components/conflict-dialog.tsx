import {
  createContext,
  lazy,
  type ReactNode,
  Suspense,
  useCallback,
  useContext,
  useState,
} from 'react';

type Reload = () => Promise<unknown> | undefined;

const ConflictContext = createContext<(reload: Reload) => void>(() => undefined);

// The dialog itself loads only when a conflict happens: it is not part of the first page.
const ConflictModal = lazy(() => import('./conflict-modal.tsx'));

/**
 * Explains an edit conflict (412: someone else changed the record since it was read) and offers
 * to load the latest version.
 */
export function ConflictDialogProvider({ children }: { children: ReactNode }) {
  const [reload, setReload] = useState<Reload | null>(null);
  const open = useCallback((fn: Reload) => setReload(() => fn), []);
  return (
    <ConflictContext.Provider value={open}>
      {children}
      {reload && (
        <Suspense fallback={null}>
          <ConflictModal reload={reload} onClose={() => setReload(null)} />
        </Suspense>
      )}
    </ConflictContext.Provider>
  );
}

export const useConflictDialog = () => useContext(ConflictContext);
