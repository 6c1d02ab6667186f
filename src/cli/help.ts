/** The text of `hzd-search-index --help`. */
export const DEFAULT_OUT = 'search-index.json';
export const DEFAULT_CACHE = '.hzd-crawl-cache';

export const HELP = `Usage: hzd-search-index <input> [options]
       hzd-search-index crawl <start-url> [options]

Builds the search index file for hzd-search-widget.

<input> is one of:
  a folder               Markdown (*.md, *.mdx, *.markdown, with YAML or TOML front matter),
                         HTML pages (*.html, *.htm) and PDFs (*.pdf), in all subfolders
  a .json file           an array of documents
  a .jsonl/.ndjson file  one document per line
crawl <start-url>        a live site: its sitemaps (from robots.txt or /sitemap.xml), else
                         the links from the start page; HTML pages and PDFs

Options:
  -o, --out <file>        where to write the index (default: ${DEFAULT_OUT}); with several
                          --lang values it must contain {lang}, e.g. suche/index.{lang}.json
      --base-url <url>    make relative document URLs absolute, e.g. https://www.example.de
      --synonyms <file>   extra synonym groups: a JSON array of arrays, or a text file with
                          one group per line, phrases separated by |
      --data-date <date>  the "Datenstand" shown to visitors, YYYY-MM-DD
                          (default: the newest "updated" date of the documents)
      --snippet-text <n>  characters of each document kept for snippets (default 2000);
                          most of a large index is this text, 0 keeps none (snippets then
                          come from the summary)
      --include <glob>    index only files (or URL paths) that match, e.g. "de/**"; repeatable
      --exclude <glob>    leave out files (or URL paths) that match, e.g. "**/intern/**";
                          repeatable
      --lang <tags>       only documents in this language (de also takes de-DE; documents
                          without a language count as German); several, comma-separated,
                          build one index per language: --lang de,en --out index.{lang}.json
      --strict            any problem (a file that cannot be read or indexed) fails the build;
                          without it, such files are reported and left out
  -q, --quiet             print errors and problems only
  -h, --help              show this help
      --version           show the version

Folders:
      --url-style <style> URLs of pages from their file path: clean (/a/b, default for
                          Markdown), html (/a/b.html, default for HTML files) or slash (/a/b/);
                          index.md, _index.md, README.md and index.html are their folder (/a/)
      --heading-ids <rule> ids of Markdown headings, for links to sections: vitepress
                          (default; VitePress, VuePress) or github (GitHub, Hugo, Docusaurus)

Apache Solr (instead of an index file):
      --to-solr <url>     push the documents to Solr: the URL names Solr and the alias
                          visitors search, e.g. http://localhost:8983/solr/hzd. Each push
                          builds a new collection <alias>_<time>, commits, checks the count,
                          then points the alias at it; with several --lang values the URL
                          must contain {lang}
      --solr-configset <name>  configset uploaded to Solr beforehand (default hzd-de, in
                          the package's solr/hzd-de folder)
      --solr-shards <n>   shards of the new collection (default 1)
      --solr-replicas <n> replicas of each shard (default 1)
      --solr-keep <n>     earlier pushes kept besides the new one, to switch back (default 1)

Crawling:
      --sitemap <url>     read this sitemap (or sitemap index) instead of finding one;
                          repeatable
      --max-pages <n>     stop after this many pages and PDFs (default 5000)
      --concurrency <n>   requests at the same time (default 4)
      --rate <n>          at most n requests per second (default 5); a robots.txt
                          Crawl-delay that asks for less is honoured
      --timeout <s>       seconds to wait for a response (default 20)
      --retries <n>       tries again after timeouts and server errors, waiting longer each
                          time (default 2)
      --user-agent <text> how the crawler names itself (default: hzd-search-index/<version>
                          and the package's address)
      --cache <folder>    responses kept for the next run, which then asks the server only
                          for what changed (default: ${DEFAULT_CACHE} next to --out)

Every document needs id, title and url. In folders they come from the files: the front
matter or the first # heading, <title> or <h1>, the file path. Drafts (draft: true),
pages with search: false, robots noindex and error pages are left out. The index file is
replaced only when the build succeeds.

Exit codes: 0 success, 1 a problem in the content or files (or any problem with
--strict), 2 wrong usage.
`;
