// Progressive enhancements only: every page works without this file.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-tree]");
  if (button) {
    const open = button.dataset.tree === "expand";
    document.querySelectorAll(".tree details").forEach((d) => { d.open = open; });
  }
  if (event.target.closest("[data-print]")) {
    window.print();
  }
});

// The account menu and the navigation menus are <details>: they open without script; this keeps one open at a time
// and closes them on a click elsewhere or on Escape (focus goes back to the menu's button if it was inside).
const menus = ".account-menu[open], .nav-menu[open]";
document.addEventListener("toggle", (event) => {
  const opened = event.target;
  if (opened.open && opened.matches(".account-menu, .nav-menu")) {
    document.querySelectorAll(menus).forEach((menu) => {
      if (menu !== opened) {
        menu.open = false;
      }
    });
  }
}, true);
document.addEventListener("click", (event) => {
  document.querySelectorAll(menus).forEach((menu) => {
    if (!menu.contains(event.target)) {
      menu.open = false;
    }
  });
});
document.addEventListener("keydown", (event) => {
  if (event.key === "Escape") {
    document.querySelectorAll(menus).forEach((menu) => {
      const focused = menu.contains(document.activeElement);
      menu.open = false;
      if (focused) {
        menu.querySelector("summary").focus();
      }
    });
  }
});
