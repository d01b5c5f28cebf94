import type {
  Consultation,
  ConsultationComment,
  Document,
  DocumentVersion,
  DocumentVersionListItem,
  FileUpload,
  Meeting,
  Problem,
  VersionComparison,
} from '@plenum/shared';
import { queryOptions } from '@tanstack/react-query';
import { API_BASE, ApiError, api, getAll, type Query, withQuery } from '../../app/api.ts';

const enc = encodeURIComponent;

export const documentKey = (id: string) => ['documents', id] as const;

export const documentQuery = (id: string) =>
  queryOptions({
    queryKey: documentKey(id),
    queryFn: () => api.get<Document>(`/documents/${enc(id)}`),
  });

export const versionsQuery = (id: string) =>
  queryOptions({
    queryKey: [...documentKey(id), 'versions'],
    queryFn: () => getAll<DocumentVersionListItem>(`/documents/${enc(id)}/versions`),
  });

/** One version with its text (versions are immutable: read once). */
export const versionQuery = (id: string, number: number) =>
  queryOptions({
    queryKey: [...documentKey(id), 'versions', number],
    queryFn: () => api.get<DocumentVersion>(`/documents/${enc(id)}/versions/${number}`),
    staleTime: Number.POSITIVE_INFINITY,
  });

export const compareQuery = (id: string, from: number, to: number, lang: string) =>
  queryOptions({
    queryKey: [...documentKey(id), 'compare', from, to, lang],
    queryFn: () =>
      api.get<VersionComparison>(`/documents/${enc(id)}/versions/compare`, { from, to, lang }),
    staleTime: Number.POSITIVE_INFINITY,
  });

export const documentRoundsQuery = (id: string) =>
  queryOptions({
    queryKey: ['consultations', 'document', id],
    queryFn: () => getAll<Consultation>('/consultations', { documentId: id }),
  });

export const consultationKey = (id: string) => ['consultations', id] as const;

export const consultationQuery = (id: string) =>
  queryOptions({
    queryKey: consultationKey(id),
    queryFn: () => api.get<Consultation>(`/consultations/${enc(id)}`),
  });

export const commentsQuery = (id: string) =>
  queryOptions({
    queryKey: [...consultationKey(id), 'comments'],
    queryFn: () => getAll<ConsultationComment>(`/consultations/${enc(id)}/comments`),
  });

/** Meetings of councils that are still to come: a round may prepare one of them. */
export const councilMeetingsQuery = queryOptions({
  queryKey: ['meetings', 'list', 'upcoming-all'],
  queryFn: () => getAll<Meeting>('/meetings', { when: 'upcoming' }),
  staleTime: 60_000,
});

/** The address of a download (a plain link: the browser sends the session cookie). */
export const downloadUrl = (path: string, query?: Query) => API_BASE + withQuery(path, query);

export interface UploadOptions {
  /** The session's CSRF token (cookie-authenticated writes need it). */
  csrfToken: string | null;
  onProgress: (fraction: number) => void;
  /** Sent as X-Plenum-Language, for problems in the user's language. */
  language?: string;
  /** For a raw body (a sheet); a FormData body sets its own. */
  contentType?: string;
  signal?: AbortSignal;
}

const networkError = () =>
  new ApiError(0, { type: 'about:blank', title: 'Network error', status: 0, code: 'network' });

/**
 * POSTs a body to the API with upload progress (fetch reports none, XMLHttpRequest does), with
 * the session cookie and CSRF token, for every upload of the workspace. Resolves with the JSON of
 * a 2xx answer; rejects with an ApiError carrying the problem, or an AbortError when `signal`
 * aborts. (Here rather than in app/api.ts: this module is already on the dashboard's route, not
 * on the login page's, whose budget has no room for it.)
 */
export function postWithProgress<T>(
  path: string,
  body: XMLHttpRequestBodyInit,
  o: UploadOptions,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${API_BASE}${path}`);
    xhr.setRequestHeader('Accept', 'application/json');
    if (o.contentType) {
      xhr.setRequestHeader('Content-Type', o.contentType);
    }
    if (o.language) {
      xhr.setRequestHeader('X-Plenum-Language', o.language);
    }
    if (o.csrfToken) {
      xhr.setRequestHeader('X-CSRF-Token', o.csrfToken);
    }
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) {
        o.onProgress(e.loaded / e.total);
      }
    };
    xhr.onerror = () => reject(networkError());
    xhr.onabort = () => reject(new DOMException('Aborted', 'AbortError'));
    o.signal?.addEventListener('abort', () => xhr.abort());
    xhr.onload = () => {
      let data: unknown = null;
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON: the problem is made from the status.
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        o.onProgress(1);
        resolve(data as T);
        return;
      }
      const problem: Problem =
        data && typeof data === 'object' && 'code' in data
          ? (data as Problem)
          : {
              type: 'about:blank',
              title: xhr.statusText,
              status: xhr.status,
              code: xhr.status >= 500 ? 'internal' : 'bad_request',
            };
      reject(new ApiError(xhr.status, problem));
    };
    xhr.send(body);
  });
}

/** Uploads a file to the file store with progress; the answer names the stored file. */
export function uploadFile(
  file: File,
  csrfToken: string | null,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<FileUpload> {
  const body = new FormData();
  body.append('file', file);
  return postWithProgress<FileUpload>('/files', body, { csrfToken, onProgress, signal });
}

/** Bytes as "12.3 KB" in the interface language. */
export function formatSize(bytes: number, lang: string): string {
  const units = lang === 'ru' ? ['Б', 'КБ', 'МБ', 'ГБ'] : ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toLocaleString(lang === 'ru' ? 'ru-RU' : 'en-GB', { maximumFractionDigits: digits })} ${units[unit]}`;
}

/** A short name of a media type ("PDF", "DOCX"), or the type itself. */
export function mediaTypeName(mediaType: string, name: string): string {
  const ext = /\.([a-z0-9]{1,5})$/i.exec(name)?.[1];
  if (ext) {
    return ext.toUpperCase();
  }
  return mediaType.split(';')[0] ?? mediaType;
}
