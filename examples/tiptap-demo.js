// The plugin in TipTap: an Extension whose addProseMirrorPlugins returns wxlintPlugin(...).
import init, { Checker } from 'wxlint';
import { wxlintPlugin, wxlintKey } from 'wxlint/prosemirror';
import { Editor, Extension } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';

const demo = (window.wxlintDemo = { view: null, findings: [], checks: 0, key: wxlintKey });

demo.ready = (async () => {
  await init({ module_or_path: new URL('wxlint_bg.wasm', import.meta.url) });
  const checker = new Checker();
  const status = document.getElementById('status');
  const Wxlint = Extension.create({
    name: 'wxlint',
    addProseMirrorPlugins() {
      return [wxlintPlugin({
        checker,
        fields: () => ({ title: '一年级三班家长通知' }),
        onFindings(findings) {
          demo.findings = findings;
          demo.checks += 1;
          status.textContent = `${findings.length} 处问题`;
        },
      })];
    },
  });
  const editor = new Editor({
    element: document.getElementById('editor'),
    extensions: [StarterKit, Wxlint],
    content: '<h2>班级通知</h2><p>请家长于3月xx日前交回回执。</p><p>联系人：王老师</p>',
  });
  demo.editor = editor;
  demo.view = editor.view;
  demo.findings = wxlintKey.getState(editor.state).findings;
  status.textContent = `${demo.findings.length} 处问题`;
})();
