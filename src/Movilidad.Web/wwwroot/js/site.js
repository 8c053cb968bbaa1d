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

// The account menu is a <details>: it opens without script; this closes it on a click elsewhere or on Escape.
document.addEventListener("click", (event) => {
  document.querySelectorAll(".account-menu[open]").forEach((menu) => {
    if (!menu.contains(event.target)) {
      menu.open = false;
    }
  });
});
document.addEventListener("keydown", (event) => {
  if (event.key === "Escape") {
    document.querySelectorAll(".account-menu[open]").forEach((menu) => {
      menu.open = false;
      menu.querySelector("summary").focus();
    });
  }
});
