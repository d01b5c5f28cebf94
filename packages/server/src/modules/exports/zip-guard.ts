// The guard moved to the platform, where text extraction uses it too.
export { checkZipBounds } from '../../platform/zip-guard.ts';
