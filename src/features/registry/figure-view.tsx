/**
 * One registry figure: its value, or why it cannot be computed, always with its n and what it
 * was computed from (issue 5: "Each figure shows n and what it was computed from"). The error
 * and the basis sentence come from the domain in English and Dutch; the screen's language is
 * shown, marked with the `lang` it is in.
 */
import { useId, type ReactNode } from 'react';
import type { Figure } from '../../domain/registry/index.ts';
import { fill, useMessages, useShownText, type ErrorTexts } from '../../ui/i18n.ts';
import { messages } from './messages.ts';

type Props<T> = {
  readonly title: string;
  readonly figure: Figure<T>;
  readonly children: (value: T) => ReactNode;
  /** h2 for a section of its own, h3 inside a section. */
  readonly level?: 2 | 3;
};

export function FigureView<T>({ title, figure, children, level = 3 }: Props<T>) {
  const id = useId();
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section className="registry-figure stack" aria-labelledby={id}>
      <Heading id={id}>{title}</Heading>
      {figure.ok ? children(figure.value) : <CannotCompute error={figure.error} />}
      <Basis figure={figure} />
    </section>
  );
}

/** Why a figure cannot be given: the statistics error, marked with the language it is in. */
export function CannotCompute({ error }: { readonly error: ErrorTexts }) {
  const t = useMessages(messages);
  const { text, lang } = useShownText()(error);
  return (
    <p className="notice notice--warning" role="status">
      <strong>{t.cannotCompute}</strong> <span lang={lang}>{text}</span>
    </p>
  );
}

type BasisOf = Pick<Figure<unknown>, 'n' | 'basis' | 'basisNl'>;

/** n and what the figure was computed from, in the screen's language. */
export function Basis({ figure }: { readonly figure: BasisOf }) {
  const t = useMessages(messages);
  const { text, lang } = useShownText()({ message: figure.basis, messageNl: figure.basisNl });
  return (
    <p className="registry-basis">
      <span className="badge">{fill(t.basisN, { n: figure.n })}</span>{' '}
      <span className="visually-hidden">{t.basisLabel}: </span>
      <span lang={lang}>{text}</span>
    </p>
  );
}
