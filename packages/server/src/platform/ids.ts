import { v7 } from 'uuid';

/** New resource ids are UUID v7: unique without coordination, and ordered by creation time. */
export const newId = (): string => v7();
