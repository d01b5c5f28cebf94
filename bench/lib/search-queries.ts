/** The searches the bench and the soak send. */

/**
 * What people type into the search box, in English: words that match few records (a city, an
 * extraordinary meeting), some (one subject among thirty, a two-word phrase) and many (words of
 * almost every decision and document). Rotated by each connection.
 */
export const SEARCH_QUERIES_EN = [
  'Dushanbe',
  'extraordinary meeting',
  'leasing company',
  'ammunition',
  'metrological support',
  'export control',
  'cooperation',
  'spare parts',
  'standardization of weapons',
  'member states secretariat',
];
/** The same in Russian, inflected as written (stemming has to find the other forms). */
export const SEARCH_QUERIES_RU = [
  'Душанбе',
  'внеочередное заседание',
  'лизинговой компании',
  'боеприпасов',
  'метрологическое обеспечение',
  'экспортного контроля',
  'сотрудничества',
  'запасные части',
  'стандартизация вооружения',
  'государства-члены секретариат',
];
