/**
 * The center's views (router CENTER_VIEWS): a sub-navigation under the header's "Center" link.
 * Its own messages so the main header's message file stays untouched by center work.
 */
import { Suspense, type ReactNode } from 'react';
import { defineMessages, useMessages } from '../ui/i18n.ts';
import { CENTER_VIEWS, hrefFor, type CenterView } from './router.ts';
import './center-nav.css';

export const centerMessages = defineMessages({
  en: {
    navCenter: 'Center',
    centerViews: 'Center views',
    'follow-up': 'Follow-up',
    registry: 'Registry',
    exports: 'Exports',
    settings: 'Center settings',
    loading: 'Opening…',
  },
  'nl-BE': {
    navCenter: 'Centrum',
    centerViews: 'Centrumoverzichten',
    'follow-up': 'Opvolging',
    registry: 'Register',
    exports: 'Exports',
    settings: 'Centruminstellingen',
    loading: 'Wordt geopend…',
  },
});

export function CenterNav({ view }: { readonly view: CenterView }) {
  const t = useMessages(centerMessages);
  return (
    <nav className="step-tabs center-nav" aria-label={t.centerViews}>
      {CENTER_VIEWS.map((v) => (
        <a
          key={v}
          href={hrefFor({ name: 'center', view: v })}
          aria-current={v === view ? 'page' : undefined}
        >
          {t[v]}
        </a>
      ))}
    </nav>
  );
}

/** The sub-navigation and the view below it, which may still be loading (React.lazy). */
export function CenterFrame({
  view,
  children,
}: {
  readonly view: CenterView;
  readonly children: ReactNode;
}) {
  const t = useMessages(centerMessages);
  return (
    <>
      <CenterNav view={view} />
      <Suspense fallback={<p role="status">{t.loading}</p>}>{children}</Suspense>
    </>
  );
}
