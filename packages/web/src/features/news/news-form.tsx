import {
  Badge,
  Fieldset,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type UseFormReturnType, useForm } from '@mantine/form';
import {
  type Language,
  NEWS_SECTIONS,
  type NewsItem,
  type NewsSection,
  ZNewsCreate,
} from '@plenum/shared';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorHandler } from '../../app/form-errors.ts';
import {
  type TextValues,
  textValues,
  toRequiredText,
  toText,
  zodValidator,
} from '../../app/forms.ts';
import { FormActions } from '../../components/form-actions.tsx';
import { useText } from '../../components/localized-text.tsx';
import { allMeetingsQuery } from './api.ts';
import { InsertImageButton, LeadImageField } from './image-fields.tsx';
import { NewsPreview } from './preview.tsx';

export interface NewsValues {
  section: NewsSection;
  slug: string;
  meetingId: string | null;
  title: TextValues;
  summary: TextValues;
  body: TextValues;
  imageSha256: string | null;
  imageAlt: TextValues;
}

export const newsValues = (n?: NewsItem | null): NewsValues => ({
  section: n?.section ?? 'news',
  slug: n?.slug ?? '',
  meetingId: n?.meetingId ?? null,
  title: textValues(n?.title),
  summary: textValues(n?.summary),
  body: textValues(n?.body),
  imageSha256: n?.imageSha256 ?? null,
  imageAlt: textValues(n?.imageAlt),
});

/** Form values → the request body (POST /news, or PATCH with every field). */
export const toNewsBody = (v: NewsValues) => ({
  ...(v.slug.trim() ? { slug: v.slug.trim() } : {}),
  section: v.section,
  title: toRequiredText(v.title),
  summary: toText(v.summary),
  body: toText(v.body),
  meetingId: v.meetingId,
  imageSha256: v.imageSha256,
  imageAlt: v.imageSha256 ? toText(v.imageAlt) : null,
});

const LANGS: Language[] = ['en', 'ru'];

function VersionState({ values, lang }: { values: NewsValues; lang: Language }) {
  const { t } = useTranslation();
  const hasTitle = !!values.title[lang].trim();
  const hasBody = !!values.body[lang].trim();
  const complete = hasTitle && hasBody;
  return (
    <Badge
      color={complete ? 'green' : 'orange'}
      variant={complete ? 'light' : 'filled'}
      styles={{ root: { textTransform: 'none' } }}
    >
      <span aria-hidden>{complete ? '✓ ' : '⚑ '}</span>
      {complete
        ? t('news.complete')
        : hasTitle || hasBody
          ? t('news.incompleteShort')
          : t('news.missingShort')}
    </Badge>
  );
}

/** One language's title, summary and Markdown body, with image insertion at the cursor. */
function LanguageColumn({ form, lang }: { form: UseFormReturnType<NewsValues>; lang: Language }) {
  const { t } = useTranslation();
  const values = form.getValues();
  const body = useRef<HTMLTextAreaElement>(null);
  const langName = t(`news.lang.${lang}`);
  const field = (name: string) =>
    t(lang === 'en' ? 'fields.inEnglish' : 'fields.inRussian', { field: name });
  const insert = (markdown: string) => {
    const current = form.getValues().body[lang];
    const el = body.current;
    const at = el && el.selectionStart !== null ? el.selectionStart : current.length;
    const before = current.slice(0, at);
    const after = current.slice(at);
    const pre = before && !before.endsWith('\n\n') ? (before.endsWith('\n') ? '\n' : '\n\n') : '';
    const post = after && !after.startsWith('\n') ? '\n\n' : '';
    form.setFieldValue(`body.${lang}`, `${before}${pre}${markdown}${post}${after}`);
  };
  const missing = !values.title[lang].trim() || !values.body[lang].trim();
  return (
    <Fieldset
      legend={
        <Group gap="xs" component="span">
          <Text span fw={600}>
            {langName.charAt(0).toUpperCase() + langName.slice(1)}
          </Text>
          <VersionState values={values} lang={lang} />
        </Group>
      }
      lang={lang}
      p={{ base: 'xs', sm: 'md' }}
      style={
        missing
          ? { borderColor: 'var(--mantine-color-orange-5)', borderStyle: 'dashed' }
          : undefined
      }
    >
      <Stack gap="sm">
        {missing && (
          <Text size="sm" c="orange.9" fw={500}>
            {values.title[lang].trim() || values.body[lang].trim()
              ? t('news.incompleteVersion')
              : t('news.missingVersion')}
          </Text>
        )}
        <TextInput
          label={field(t('news.titleField'))}
          {...form.getInputProps(`title.${lang}`)}
          error={form.errors[`title.${lang}`] ?? (lang === 'en' ? form.errors.title : undefined)}
        />
        <Textarea
          label={field(t('news.summary'))}
          autosize
          minRows={2}
          maxRows={6}
          {...form.getInputProps(`summary.${lang}`)}
        />
        <Textarea
          ref={body}
          className="plenum-news-body"
          label={field(t('news.body'))}
          description={t('news.bodyHint')}
          autosize
          minRows={10}
          maxRows={28}
          {...form.getInputProps(`body.${lang}`)}
        />
        <Group justify="flex-start">
          <InsertImageButton langName={t(`news.langGen.${lang}`)} onInsert={insert} />
        </Group>
      </Stack>
    </Fieldset>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
      <Title order={2} fz="h4" mb="md">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/**
 * The editor of a news item: details, both languages side by side (stacked on a phone), the lead
 * image, and a live preview of the public page. `onSubmit` gets the request body.
 */
export function NewsForm({
  item,
  onSubmit,
  onCancel,
  reload,
  onDirty,
}: {
  item: NewsItem | null;
  onSubmit: (body: ReturnType<typeof toNewsBody>) => Promise<unknown>;
  onCancel: () => void;
  reload?: () => Promise<unknown>;
  onDirty?: (dirty: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const text = useText();
  const handleError = useErrorHandler();
  const form = useForm<NewsValues>({
    initialValues: newsValues(item),
    validate: zodValidator(ZNewsCreate, toNewsBody, t),
    onValuesChange: () => onDirty?.(form.isDirty()),
  });
  const [busy, setBusy] = useState(false);
  const meetings = useQuery(allMeetingsQuery);
  const meetingOptions = useMemo(
    () =>
      [...(meetings.data ?? [])]
        .sort((a, b) => b.startDate.localeCompare(a.startDate))
        .map((m) => ({ value: m.id, label: `${text(m.name)} (${m.startDate})` })),
    [meetings.data, text],
  );
  const values = form.getValues();
  const slugEditable = !item || item.status === 'draft';
  const interfaceLang: Language = i18n.language === 'ru' ? 'ru' : 'en';

  const submit = form.onSubmit(async (v) => {
    setBusy(true);
    try {
      await onSubmit(toNewsBody(v));
    } catch (error) {
      handleError(error, { form, reload });
    } finally {
      setBusy(false);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <Section title={t('news.details')}>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
            <Select
              label={t('news.sectionLabel')}
              required
              allowDeselect={false}
              data={NEWS_SECTIONS.map((s) => ({ value: s, label: t(`news.section.${s}`) }))}
              {...form.getInputProps('section')}
            />
            <TextInput
              label={t('news.slug')}
              disabled={!slugEditable}
              description={
                slugEditable
                  ? item
                    ? t('news.slugHint', { lang: interfaceLang, slug: values.slug || '…' })
                    : t('news.slugNewHint')
                  : t('news.slugLocked')
              }
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              {...form.getInputProps('slug')}
            />
            <Select
              label={t('news.meeting')}
              searchable
              clearable
              data={meetingOptions}
              placeholder={meetings.isLoading ? t('common.loading') : t('news.noMeeting')}
              nothingFoundMessage={t('common.nothingFound')}
              {...form.getInputProps('meetingId')}
            />
          </SimpleGrid>
        </Section>

        <Section title={t('news.versions')}>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            {LANGS.map((lang) => (
              <LanguageColumn key={lang} form={form} lang={lang} />
            ))}
          </SimpleGrid>
        </Section>

        <Section title={t('news.leadImage')}>
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
            <LeadImageField
              sha256={values.imageSha256}
              href={item && item.imageSha256 === values.imageSha256 ? item.imageHref : null}
              onChange={(sha) => form.setFieldValue('imageSha256', sha)}
            />
            {LANGS.map((lang) => (
              <TextInput
                key={lang}
                lang={lang}
                label={t(lang === 'en' ? 'fields.inEnglish' : 'fields.inRussian', {
                  field: t('news.altText'),
                })}
                description={t('news.altHint')}
                disabled={!values.imageSha256}
                {...form.getInputProps(`imageAlt.${lang}`)}
              />
            ))}
          </SimpleGrid>
        </Section>

        <Group justify="space-between" align="center">
          <Text size="sm" c={form.isDirty() ? 'orange.8' : 'dimmed'} aria-live="polite">
            {form.isDirty() ? t('news.unsaved') : ''}
          </Text>
          <FormActions
            submitting={busy}
            onCancel={onCancel}
            submitLabel={item ? t('common.save') : t('news.create')}
          />
        </Group>

        <NewsPreview values={values} saved={item} initialLang={interfaceLang} />
      </Stack>
    </form>
  );
}
