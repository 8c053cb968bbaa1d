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

// A run working in the background: its progress is read from the API once a second (it is kept with the run, so a
// reloaded page starts where the run is); the page reloads with the results when the run ends.
document.querySelectorAll("[data-run-progress]").forEach((box) => {
  const bar = box.querySelector("progress");
  const text = box.querySelector("[data-progress-text]");
  const poll = async () => {
    const response = await fetch(box.dataset.runProgress, { headers: { Accept: "application/json" } });
    if (response.ok) {
      const run = await response.json();
      bar.value = run.progress;
      text.textContent = Math.round(run.progress * 100) + " %";
      if (run.status !== "queued" && run.status !== "running") {
        window.location.reload();
        return;
      }
    }
    setTimeout(poll, 1000);
  };
  setTimeout(poll, 1000);
});

// The registry's edit form folds by section: a link to a field or a section (the index, the error summary) opens the
// fold it is in, and a form sent back with errors scrolls to the first section with one and puts the cursor in its field.
const openFoldOf = (id) => {
  const target = id && document.getElementById(id);
  const fold = target && target.closest("details.registry-section");
  if (fold) {
    fold.open = true;
  }
};
document.addEventListener("click", (event) => {
  const link = event.target.closest("a[href^='#']");
  if (link) {
    openFoldOf(decodeURIComponent(link.getAttribute("href").slice(1)));
  }
});
window.addEventListener("hashchange", () => openFoldOf(decodeURIComponent(window.location.hash.slice(1))));
const firstWrong = document.querySelector("details.registry-section-wrong");
if (firstWrong) {
  firstWrong.scrollIntoView({ block: "start" });
  const field = firstWrong.querySelector("[aria-invalid='true']");
  if (field) {
    field.focus({ preventScroll: true });
  }
}
