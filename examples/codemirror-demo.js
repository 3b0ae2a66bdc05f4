// The wxlint/codemirror demo: a CodeMirror 6 Markdown editor with the lint source and gutter.
import init, { Checker } from 'wxlint';
import { wxlintLinter } from 'wxlint/codemirror';
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, lineNumbers } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { markdown } from '@codemirror/lang-markdown';
import { lintGutter, forEachDiagnostic, setDiagnosticsEffect } from '@codemirror/lint';

const SAMPLE = `# 城南小学召开安全工作会议

3月2日，城南小学召开安全工作会议，要求全体教职工做到警钟常鸣。

![](https://mmbiz.qpic.cn/sample.png)

活动时间为3月xx日。联系电话：13912345678。
`;

// `updates`: every view update, {docChanged, diagnostics (it set the diagnostics)}, for the tests.
const demo = (window.wxlintDemo = { view: null, findings: [], checks: 0, lastMs: null, updates: [] });

demo.diagnostics = () => {
  const out = [];
  forEachDiagnostic(demo.view.state, (d, from, to) => out.push({ from, to, severity: d.severity, message: d.message, source: d.source }));
  return out;
};

demo.ready = (async () => {
  await init({ module_or_path: new URL('wxlint_bg.wasm', import.meta.url) });
  const checker = new Checker();
  const status = document.getElementById('status');
  const params = new URLSearchParams(location.search);
  demo.view = new EditorView({
    parent: document.getElementById('editor'),
    state: EditorState.create({
      doc: params.get('empty') === '1' ? '' : SAMPLE,
      extensions: [
        lineNumbers(), history(), keymap.of([...defaultKeymap, ...historyKeymap]), markdown(), params.get('wrap') === '0' ? [] : EditorView.lineWrapping,
        EditorView.updateListener.of((u) => {
          demo.updates.push({ docChanged: u.docChanged, diagnostics: u.transactions.some((tr) => tr.effects.some((e) => e.is(setDiagnosticsEffect))) });
          if (u.docChanged && demo.afterUpdate) demo.afterUpdate();
        }),
        // ?plugin=0: the bare editor, without wxlint (for the benchmark's comparison).
        params.get('plugin') === '0' ? [] : wxlintLinter({
          checker,
          // ?delay=N: the plugin's delay (default 0); N > 0 runs it as an ordinary @codemirror/lint source.
          delay: Number(params.get('delay') || 0),
          onFindings(findings, ms) {
            demo.findings = findings;
            demo.lastMs = ms;
            demo.checks += 1;
            if (demo.afterCheck) demo.afterCheck(findings);
            status.textContent = `${findings.length} 处问题（${findings.filter((f) => f.severity === 'block').length} 处必须修改）`;
          },
        }),
        // ?gutter=0 / ?wrap=0: without the lint gutter / line wrapping (for the benchmark's comparisons).
        params.get('gutter') === '0' ? [] : lintGutter(),
      ],
    }),
  });
})();
