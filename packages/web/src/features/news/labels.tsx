import { Badge, Group } from '@mantine/core';
import type { Language, NewsListItem } from '@plenum/shared';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format.ts';
import { isDue } from './api.ts';

const badgeStyles = {
  root: { flexShrink: 0, textTransform: 'none', maxWidth: 'none', display: 'inline-flex' },
  label: { overflow: 'visible' },
} as const;

/** Draft, scheduled with its time, or published with its date; a symbol besides the colour. */
export function NewsStatusBadge({
  item,
}: {
  item: Pick<NewsListItem, 'status' | 'publishAt' | 'publishedAt'>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (item.status === 'published') {
    return (
      <Badge color="green" variant="light" styles={badgeStyles}>
        <span aria-hidden>✓ </span>
        {t('news.publishedOn', { date: format.shortDate(item.publishedAt?.slice(0, 10)) })}
      </Badge>
    );
  }
  if (item.status === 'scheduled') {
    const due = isDue(item);
    return (
      <Badge color={due ? 'teal' : 'blue'} variant="light" styles={badgeStyles}>
        <span aria-hidden>◷ </span>
        {t('news.scheduledFor', { time: format.dateTime(item.publishAt) })}
        {due ? ` (${t('news.due')})` : ''}
      </Badge>
    );
  }
  return (
    <Badge color="gray" variant="light" styles={badgeStyles}>
      <span aria-hidden>✎ </span>
      {t('news.status.draft')}
    </Badge>
  );
}

/** A flag per language that lacks its title or body ("No RU"). */
export function MissingFlags({ languages }: { languages: Language[] }) {
  const { t } = useTranslation();
  if (languages.length === 0) {
    return null;
  }
  return (
    <Group gap={4} component="span" style={{ display: 'inline-flex', verticalAlign: 'middle' }}>
      {languages.map((lang) => (
        <Badge
          key={lang}
          component="abbr"
          size="sm"
          color="orange"
          variant="outline"
          title={t('news.missingTitle', { lang: t(`news.langGen.${lang}`) })}
          aria-label={t('news.missingTitle', { lang: t(`news.langGen.${lang}`) })}
          styles={{ root: { textTransform: 'none', textDecoration: 'none' } }}
        >
          <span aria-hidden>⚑ </span>
          {t('news.missing', { lang: lang.toUpperCase() })}
        </Badge>
      ))}
    </Group>
  );
}
