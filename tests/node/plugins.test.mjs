// The editor plugins' mapping between documents and the checker (npm/prosemirror.js,
// npm/codemirror.js), in Node with the real checker (pkg-node/): every finding's range covers
// exactly its text in the document, emoji, zero-width characters, hard breaks, inline atoms and
// Markdown markers included. (The plugins in a real browser: tests/e2e/plugins.test.mjs.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { Schema } from 'prosemirror-model';
import { schema as basic } from 'prosemirror-schema-basic';
import { articleFromDoc, findingRanges } from '../../npm/prosemirror.js';
import { articleFromMarkdown, diagnosticsFor, wxlintLinter } from '../../npm/codemirror.js';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { forEachDiagnostic, setDiagnosticsEffect } from '@codemirror/lint';

const require = createRequire(import.meta.url);
const { Checker } = require('../../pkg-node/wxlint.js');
const checker = new Checker();

const schema = new Schema({
  nodes: basic.spec.nodes.addToEnd('mention', { inline: true, group: 'inline', atom: true, attrs: { name: {} }, toDOM: (n) => ['span', n.attrs.name] }),
  marks: basic.spec.marks,
});
const p = (...content) => schema.node('paragraph', null, content);
const txt = (s, marks) => schema.text(s, marks);

test('prosemirror mapping: findings after emoji, inside zero-width spaces, across marks, after hard breaks and inline atoms land on exactly their text', () => {
  const strong = schema.marks.strong.create();
  const doc = schema.node('doc', null, [
    schema.node('heading', { level: 2 }, [txt('活动通知')]),
    p(txt('😀👍🏽有人出售\u200B冰毒')),
    p(txt('代购'), txt('大麻', [strong]), schema.node('hard_break'), txt('出售冰毒')),
    p(schema.node('mention', { name: '@王老师' }), txt('联系电话13912345678')),
    p(schema.node('image', { src: 'https://mmbiz.qpic.cn/a.png' })),
    p(txt('做到警钟常鸣')),
  ]);
  const { article, maps } = articleFromDoc(doc, { title: '活动通知' });
  assert.equal(article.blocks[0].style.heading, true);
  assert.equal(article.blocks[3].text, '\uFFFC联系电话13912345678');
  const findings = checker.check(article);
  const ranges = findingRanges(findings, maps);
  const byText = Object.fromEntries(ranges.filter((r) => !r.node).map((r) => [r.finding.text, doc.textBetween(r.from, r.to)]));
  for (const t of ['出售\u200B冰毒', '代购大麻', '出售冰毒', '13912345678', '警钟常鸣']) {
    assert.equal(byText[t], t, `${t}: ${JSON.stringify(byText)}`);
  }
  const image = ranges.find((r) => r.finding.rule === 'image-caption');
  assert.ok(image && image.node);
  assert.equal(doc.nodeAt(image.from).type.name, 'image');
});

test('codemirror mapping: Markdown findings map to the source exactly; markers are not text; the first # line is the title', () => {
  const source = [
    '# 城南小学召开安全工作会议',
    '',
    '> 😀做到警钟常鸣',
    '- 有人出售\u200B冰毒',
    '1. 联系电话：13912345678',
    '',
    '![](https://mmbiz.qpic.cn/a.png)',
    '',
    '```',
    '代码里的出售冰毒不检查',
    '```',
  ].join('\n');
  const model = articleFromMarkdown(source);
  assert.equal(model.article.title, '城南小学召开安全工作会议');
  assert.deepEqual(model.article.blocks.map((b) => b.type), ['text', 'text', 'text', 'image']);
  assert.equal(model.article.blocks[0].text, '😀做到警钟常鸣');
  const diags = diagnosticsFor(checker.check(model.article), model);
  const texts = diags.map((d) => source.slice(d.from, d.to));
  for (const t of ['警钟常鸣', '出售\u200B冰毒', '13912345678', '![](https://mmbiz.qpic.cn/a.png)']) assert.ok(texts.includes(t), `${t} in ${JSON.stringify(texts)}`);
  assert.ok(!texts.some((t) => t.includes('代码里')), 'code blocks are not checked');
  assert.equal(diags.find((d) => source.slice(d.from, d.to) === '警钟常鸣').severity, 'error');
});

test('codemirror plugin (delay 0): a change is checked in its own transaction, whose diagnostics ride on it (one view update per keystroke); a throwing checker does not stop the edit', () => {
  let calls = 0;
  const extensions = [wxlintLinter({ checker, onFindings: () => { calls += 1; } })];
  let state = EditorState.create({ doc: '# 通知\n\n请做到警钟长鸣。', extensions });
  const tr = state.update({ changes: { from: state.doc.length - 1, insert: '联系电话13912345678' } });
  const effects = tr.effects.filter((e) => e.is(setDiagnosticsEffect));
  assert.equal(effects.length, 1, 'the diagnostics are an effect of the change itself');
  assert.equal(calls, 1);
  state = tr.state;
  const marked = [];
  forEachDiagnostic(state, (d, from, to) => marked.push(state.doc.sliceString(from, to)));
  assert.deepEqual(marked, ['13912345678']);
  // A transaction without a change is not checked.
  assert.equal(state.update({ selection: { anchor: 1 } }).effects.length, 0);
  assert.equal(calls, 1);

  // A checker that throws: the edit goes through, the old marks are mapped through it.
  const failing = { check() { throw new Error('boom'); } };
  const logged = [];
  let s2 = EditorState.create({ doc: 'abc', extensions: [wxlintLinter({ checker: failing }), EditorView.exceptionSink.of((e) => logged.push(String(e)))] });
  s2 = s2.update({ changes: { from: 3, insert: 'd' } }).state;
  assert.equal(s2.doc.toString(), 'abcd');
  assert.ok(logged.some((l) => /boom/.test(l)), JSON.stringify(logged));
});

test('the plugins leave out the fields they are not given: no 标题不能为空 for a body-only editor, but an empty given title is reported', () => {
  const doc = schema.node('doc', null, [p(txt('学校召开安全工作会议。'))]);
  const fieldsOf = (article) => checker.check(article).filter((f) => f.field !== 'body').map((f) => `${f.field}:${f.rule}`);
  assert.deepEqual(fieldsOf(articleFromDoc(doc).article), []);
  assert.deepEqual(fieldsOf(articleFromDoc(doc, {}).article), []);
  assert.ok(fieldsOf(articleFromDoc(doc, { title: '' }).article).includes('title:title-length'));
  const md = '学校召开安全工作会议。\n';
  assert.deepEqual(fieldsOf(articleFromMarkdown(md, { titleFromHeading: false }).article), []);
  assert.ok(fieldsOf(articleFromMarkdown(md).article).includes('title:title-length'), 'no heading line: the title is empty');
});
