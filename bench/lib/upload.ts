import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { type LoadResult, percentile, Samples } from './load.ts';

/**
 * The upload bench: a valid PDF of a given size (one page of text and a large image of random
 * bytes, which text extraction does not decode), wrapped in a multipart/form-data body with one
 * part named `file` as POST /api/v1/files takes it, and a load loop that sends it over one
 * keep-alive connection, one upload after the other. Each upload carries a fresh counter (in the
 * page's text and the image's first bytes), so its SHA-256 differs and the server stores it anew
 * rather than finding the content already there.
 */

const COUNTER_DIGITS = 10;
const COUNTER_MARK = '0'.repeat(COUNTER_DIGITS);
const IMAGE_WIDTH = 1024;

export interface UploadBody {
  /** The whole multipart body. */
  payload: Buffer;
  contentType: string;
  /** Size of the file inside it. */
  fileBytes: number;
  /** Positions in `payload` where the counter is written (fixed width, so offsets hold). */
  counterAt: number[];
}

/** A PDF of about `bytes` bytes: a page whose text names the upload, and a gray image. */
function makePdf(bytes: number): { pdf: Buffer; counterAt: number[] } {
  const content = `BT /F1 18 Tf 72 720 Td (Bench upload ${COUNTER_MARK}) Tj ET\nq 468 0 0 600 72 80 cm /Im1 Do Q\n`;
  const head = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> /XObject << /Im1 6 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${content.length} >>\nstream\n${content}endstream`,
  ];
  // What the image may take: the target less the rest of the file (estimated generously).
  const overhead = 1024 + head.join('').length;
  const height = Math.max(1, Math.floor((bytes - overhead) / IMAGE_WIDTH));
  const imageBytes = IMAGE_WIDTH * height;
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let size = 0;
  const add = (b: Buffer) => {
    parts.push(b);
    size += b.length;
  };
  add(Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'));
  const counterAt: number[] = [];
  head.forEach((body, i) => {
    offsets.push(size);
    const text = `${i + 1} 0 obj\n${body}\nendobj\n`;
    const mark = text.indexOf(COUNTER_MARK);
    if (mark >= 0) {
      counterAt.push(size + mark);
    }
    add(Buffer.from(text, 'latin1'));
  });
  offsets.push(size);
  add(
    Buffer.from(
      `6 0 obj\n<< /Type /XObject /Subtype /Image /Width ${IMAGE_WIDTH} /Height ${height} ` +
        `/ColorSpace /DeviceGray /BitsPerComponent 8 /Length ${imageBytes} >>\nstream\n`,
      'latin1',
    ),
  );
  counterAt.push(size);
  add(randomBytes(imageBytes));
  add(Buffer.from('\nendstream\nendobj\n', 'latin1'));
  const xref = size;
  let tail = `xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n`;
  tail += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  tail += `trailer\n<< /Size ${offsets.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  add(Buffer.from(tail, 'latin1'));
  return { pdf: Buffer.concat(parts), counterAt };
}

/** A multipart body carrying a PDF of about `fileBytes` bytes in the part `file`. */
export function makeUploadBody(fileBytes: number): UploadBody {
  const { pdf, counterAt } = makePdf(fileBytes);
  const boundary = `----plenumbench${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bench-upload.pdf"\r\n` +
      'Content-Type: application/pdf\r\n\r\n',
  );
  const payload = Buffer.concat([head, pdf, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return {
    payload,
    contentType: `multipart/form-data; boundary=${boundary}`,
    fileBytes: pdf.length,
    counterAt: counterAt.map((at) => at + head.length),
  };
}

let counter = 0;

/** Makes the body's file differ from every earlier one of this process. */
function stamp(body: UploadBody): void {
  counter += 1;
  const digits = String(counter).padStart(COUNTER_DIGITS, '0');
  for (const at of body.counterAt) {
    body.payload.write(digits, at, 'latin1');
  }
}

export interface UploadOptions {
  origin: string;
  path: string;
  headers: Record<string, string>;
  body: UploadBody;
  /** Seconds. */
  duration: number;
}

/** One POST of the body; resolves with the status once the answer was read. */
function post(
  agent: http.Agent,
  url: URL,
  headers: Record<string, string>,
  body: UploadBody,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          ...headers,
          'content-type': body.contentType,
          'content-length': String(body.payload.length),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body.payload);
  });
}

/** One upload, for the probe before the load: the status and the answer. */
export async function uploadOnce(
  origin: string,
  path: string,
  headers: Record<string, string>,
  body: UploadBody,
): Promise<{ status: number; text: string }> {
  const agent = new http.Agent({ keepAlive: false });
  try {
    stamp(body);
    return await post(agent, new URL(path, origin), headers, body);
  } finally {
    agent.destroy();
  }
}

/**
 * Uploads the body over one keep-alive connection, one after the other, for `duration` seconds
 * (the upload under way when time is up is finished and counted). Reports uploads per second,
 * the time of one upload (p50 … p99) and the file bytes per second.
 */
export async function runUploadLoad(opts: UploadOptions): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const url = new URL(opts.path, opts.origin);
  const latencies = new Samples();
  let non2xx = 0;
  let errors = 0;
  const started = performance.now();
  const end = started + opts.duration * 1000;
  try {
    while (performance.now() < end) {
      stamp(opts.body);
      const t0 = performance.now();
      try {
        const { status } = await post(agent, url, opts.headers, opts.body);
        if (status >= 200 && status < 300) {
          latencies.push(performance.now() - t0);
        } else {
          non2xx++;
        }
      } catch {
        errors++;
      }
    }
  } finally {
    agent.destroy();
  }
  const seconds = (performance.now() - started) / 1000;
  const sorted = latencies.sorted();
  return {
    rps: latencies.length / seconds,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length > 0 ? (sorted[sorted.length - 1] as number) : Number.NaN,
    ok: latencies.length,
    non2xx,
    errors,
    timeouts: 0,
    seconds,
    bytesPerSecond: (latencies.length * opts.body.fileBytes) / seconds,
  };
}
