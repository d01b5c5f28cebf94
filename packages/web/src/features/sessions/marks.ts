import type { ProposalPosition, ProposalStatus } from '@plenum/shared';

export interface Mark {
  color: string;
  symbol: string;
}

// Colour and, for readers who cannot tell colours apart (and for the back of a hall), a mark.
export const POSITION_MARK: Record<ProposalPosition | 'none' | 'absent', Mark> = {
  concur: { color: 'green', symbol: '✓' },
  concur_with_reservation: { color: 'teal', symbol: '✓*' },
  object: { color: 'red', symbol: '✗' },
  abstain: { color: 'gray', symbol: '–' },
  none: { color: 'gray', symbol: '…' },
  absent: { color: 'gray', symbol: '○' },
};

export const STATUS_MARK: Record<ProposalStatus, Mark> = {
  open: { color: 'blue', symbol: '◐' },
  adopted: { color: 'green', symbol: '★' },
  not_adopted: { color: 'orange', symbol: '✗' },
  withdrawn: { color: 'dark', symbol: '×' },
};

/** The positions a state may take, in the order offered (from the marks: every one has a mark). */
export const POSITIONS = Object.keys(POSITION_MARK).filter(
  (k) => k !== 'none' && k !== 'absent',
) as ProposalPosition[];

/** The statuses of a proposal, in order. */
export const STATUSES = Object.keys(STATUS_MARK) as ProposalStatus[];
