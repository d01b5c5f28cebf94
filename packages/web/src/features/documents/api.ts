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

/**
 * Uploads a file with progress (fetch reports no upload progress, XMLHttpRequest does). The CSRF
 * token is the session's, as the API client sends it.
 */
export function uploadFile(
  file: File,
  csrfToken: string | null,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<FileUpload> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${API_BASE}/files`);
    xhr.setRequestHeader('Accept', 'application/json');
    if (csrfToken) {
      xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    }
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) {
        onProgress(e.loaded / e.total);
      }
    };
    xhr.onload = () => {
      if (xhr.status === 201) {
        onProgress(1);
        resolve(xhr.response as FileUpload);
      } else {
        const problem = xhr.response as Problem | null;
        reject(
          new ApiError(
            xhr.status,
            problem && typeof problem === 'object' && 'code' in problem
              ? problem
              : {
                  type: 'about:blank',
                  title: xhr.statusText,
                  status: xhr.status,
                  code: 'internal',
                },
          ),
        );
      }
    };
    xhr.onerror = () =>
      reject(
        new ApiError(0, {
          type: 'about:blank',
          title: 'Network error',
          status: 0,
          code: 'network',
        }),
      );
    xhr.onabort = () => reject(new DOMException('Aborted', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort());
    const body = new FormData();
    body.append('file', file);
    xhr.send(body);
  });
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
