// Imported (for nothing but its imports) by every view that is a chunk of its own (SPLIT_VIEWS).
// esbuild puts a module in a chunk by which entry points reach it; when every split view reaches
// every module the shell shares, they all land in one chunk, and the shell is two files instead
// of five small ones (each a round trip on a 300 ms link). Add here what a split view imports
// from the shell.
import '../contracts/codes.ts';
import '../contracts/time.ts';
import '../contracts/web-routes.ts';
import './api-client.ts';
import './chunk-load.ts';
import './dom.ts';
import './format.ts';
import './i18n.ts';
import './scroll-edges.ts';
import './status-view.ts';
import './views/links.ts';
import './week-to-date.ts';
