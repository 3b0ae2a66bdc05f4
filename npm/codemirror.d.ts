// Types of wxlint/codemirror.
import type { Extension } from '@codemirror/state';
import type { Diagnostic } from '@codemirror/lint';
import type { Article, Finding } from './wxlint.js';

/** Anything with the `check` method of wxlint's `Checker`. */
export interface CheckerLike {
  check(article: Article): Finding[];
}

export interface WxlintLinterOptions {
  /** A `Checker` from `wxlint`, after `await init()`. */
  checker: CheckerLike;
  /**
   * Milliseconds after the last change before checking (default 0: each change is checked in its
   * own transaction and its marks drawn with it, one view update per keystroke; above 0, an
   * ordinary @codemirror/lint source run with that delay, e.g. for very long documents).
   */
  delay?: number;
  /** A first line `# …` is the article's title (default true; a document without one then has an
   * empty title). With false the title is not checked, nor are author and digest unless given. */
  titleFromHeading?: boolean;
  author?: string;
  digest?: string;
  /** Called with every result and the time it took. */
  onFindings?: (findings: Finding[], ms: number) => void;
  /** The messages' language prefix (default zh-CN). */
  locale?: 'zh-CN' | 'en';
}

export interface MarkdownModel {
  article: Article;
  /** Where each block's text is in the document. */
  spans: { from: number; to: number; image?: boolean }[];
  titleSpan: { from: number; to: number } | null;
}

export declare function wxlintLinter(options: WxlintLinterOptions): Extension;
export declare function articleFromMarkdown(source: string, options?: { titleFromHeading?: boolean; author?: string; digest?: string }): MarkdownModel;
export declare function diagnosticsFor(findings: Finding[], model: MarkdownModel, locale?: 'zh-CN' | 'en'): Diagnostic[];
