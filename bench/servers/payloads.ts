/**
 * The bare baseline's constant answers (DESIGN §6): a JSON object of about 2 KB shaped like a
 * Plenum resource, and an HTML page of about 20 KB shaped like a public news page.
 */

const NEWS_PARAGRAPHS = [
  'A meeting of the Interstate Commission on Military-Economic Cooperation will be held in the ' +
    'capital of the Republic of Tajikistan, Dushanbe, on April 27, 2023. The event will be chaired ' +
    'by the Chairman of the Commission.',
  'The Secretary General of the Organization will take part in the meeting.',
  'The draft Agenda provides for consideration of the implementation of the decisions of the XX ' +
    'meeting held in October 2022 in Moscow, as well as the results of implementation of the ' +
    'decisions of the statutory bodies of the Organization.',
  'In particular, it is planned to discuss the content of further measures on standardization of ' +
    'weapons and military equipment and the development of multilateral cooperation between ' +
    'enterprises and organizations of the member states.',
  'On the eve of the meeting the coordinating councils will meet to review and coordinate ' +
    'documents in this part of the work.',
  'The Commission was established by the decision of the Collective Security Council of June 23, ' +
    '2005. Its tasks include long-term programs, production cooperation, joint ventures, joint ' +
    'research and development, standardization and the mutual protection of intellectual property.',
];

function buildJson(): unknown {
  const text = (en: string, ru: string) => ({ en, ru });
  return {
    id: '0190a7c2-5d1e-7c4a-9b1e-3f2a1c0d9e8f',
    bodyId: '0190a7c2-5d1e-7c4a-9b1e-3f2a1c0d0001',
    number: 21,
    numeral: 'XXI',
    name: text(
      'XXI meeting of the Interstate Commission for Military-Economic Cooperation',
      'XXI заседание Межгосударственной комиссии по военно-экономическому сотрудничеству',
    ),
    kind: 'regular',
    status: 'announced',
    startDate: '2023-04-27',
    endDate: '2023-04-27',
    startTime: '10:00',
    timeZone: 'Asia/Dushanbe',
    location: { city: text('Dushanbe', 'Душанбе'), country: 'TJK', venue: null },
    chairPersonId: '0190a7c2-5d1e-7c4a-9b1e-3f2a1c0d0002',
    parentMeetingId: null,
    agendaStatus: 'approved',
    agendaApprovedAt: '2023-04-10T09:00:00.000Z',
    notes: text(
      'The heads of delegations will sign the protocol.',
      'Главы делегаций подпишут протокол.',
    ),
    agenda: [1, 2, 3, 4].map((n) => ({
      id: `0190a7c2-5d1e-7c4a-9b1e-3f2a1c0d010${n}`,
      position: String(n),
      kind: n === 1 ? 'implementation_review' : 'decision',
      title: text(
        `Item ${n}: on the implementation of the decisions of the XX meeting`,
        `Пункт ${n}: о ходе выполнения решений XX заседания`,
      ),
      public: true,
    })),
    version: 3,
    createdAt: '2023-02-01T09:12:44.120Z',
    updatedAt: '2023-04-24T11:40:02.511Z',
  };
}

function buildHtml(): string {
  const head =
    '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    '<title>Dushanbe will host the XXI meeting of the Commission — Plenum</title>' +
    '<link rel="stylesheet" href="/assets/public.css">' +
    '<link rel="alternate" type="application/rss+xml" href="/feeds/news.rss"></head><body>' +
    '<header><nav><a href="/en/">Home</a> <a href="/en/news">News</a> ' +
    '<a href="/en/meetings">Meetings</a> <a href="/ru/news">Русский</a></nav></header><main>' +
    '<article><h1>Dushanbe will host the XXI meeting of the Commission</h1>' +
    '<p class="date"><time datetime="2023-04-24">24 April 2023</time></p>';
  const tail =
    '</article><p><a href="/en/news?section=announcements">Back to the section</a> · ' +
    '<a href="/en/news">Back to all news</a></p></main><footer><p>© The Commission</p></footer>' +
    '</body></html>\n';
  let body = '';
  for (let i = 0; head.length + body.length + tail.length < 20_000; i++) {
    const paragraph = NEWS_PARAGRAPHS[i % NEWS_PARAGRAPHS.length] as string;
    body += i % 7 === 6 ? `<h2>Section ${Math.ceil(i / 7)}</h2>\n` : `<p>${paragraph}</p>\n`;
  }
  return head + body + tail;
}

export const BARE_JSON = buildJson();
export const BARE_HTML = buildHtml();
