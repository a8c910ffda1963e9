// An alias page's meta refresh drops the URL's #fragment, so
// /python/ConnectionRefusedError/#fix would land at the top of the page:
// with JavaScript, go to the page keeping it (src/build/alias-pages.ts).
const target = document.documentElement.dataset.aliasTarget;
if (target) location.replace(target + location.hash);
