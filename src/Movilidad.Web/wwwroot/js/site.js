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
