// Types of wxlint/prosemirror.
import type { Plugin, PluginKey } from 'prosemirror-state';
import type { DecorationSet } from 'prosemirror-view';
import type { Node as PMNode } from 'prosemirror-model';
import type { Article, Finding } from './wxlint.js';

/** Anything with the `check` method of wxlint's `Checker`. */
export interface CheckerLike {
  check(article: Article): Finding[];
}

export interface WxlintPluginOptions {
  /** A `Checker` from `wxlint`, after `await init()`. */
  checker: CheckerLike;
  /** Milliseconds to wait after the last change before checking (default 0: the next task). */
  delay?: number;
  /** The article's fields that are not in the document (the checker checks them too). A field not
   * given is not checked (no 标题不能为空 for an editor of the body alone); `''` is an empty field. */
  fields?: () => { title?: string; author?: string; digest?: string };
  /** Called with every result (the fields' findings included) and the time it took. */
  onFindings?: (findings: Finding[], ms: number) => void;
  /** The suggestion popup on a click on a mark (default true). */
  popup?: boolean;
  /** The popup's language (default zh-CN). */
  locale?: 'zh-CN' | 'en';
  /** Prefix of the marks' classes: `wxlint wxlint-block` … (default `wxlint`). */
  classPrefix?: string;
}

/** A finding in document positions. */
export interface FindingRange {
  from: number;
  to: number;
  finding: Finding;
  /** The decoration is a node decoration (an image, or a whole block). */
  node?: boolean;
}

export interface WxlintState {
  decorations: DecorationSet;
  findings: Finding[];
  ranges: FindingRange[];
  article: Article;
  ms: number;
  /** The document changed since the last check (the marks were only mapped). */
  stale?: boolean;
}

export declare const wxlintKey: PluginKey<WxlintState>;
export declare function wxlintPlugin(options: WxlintPluginOptions): Plugin<WxlintState>;

export interface BlockMap {
  pos: number;
  size: number;
  segs?: { text: number; pos: number; len: number; atom?: boolean }[];
  image?: boolean;
}
export declare function articleFromDoc(doc: PMNode, fields?: { title?: string; author?: string; digest?: string }): { article: Article; maps: BlockMap[] };
export declare function findingRanges(findings: Finding[], maps: BlockMap[]): FindingRange[];
