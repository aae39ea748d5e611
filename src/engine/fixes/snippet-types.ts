/** Text that may differ between TypeScript and JavaScript files. */
export type LangText = string | { ts: string; js: string };

/** The editable parts of a snippet (also the shape of a variant). */
export interface SnippetBody {
  replace?: LangText;
  imports?: LangText[];
  helper?: LangText;
  envExample?: string;
}

/** A fix template as written in `snippets/<area>/<name>.yaml` (validated by `snippet.schema.json`). */
export interface SnippetDefinition extends SnippetBody {
  description: string;
  replace: LangText;
  variants?: Record<string, SnippetBody>;
}
