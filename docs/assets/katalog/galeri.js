// Gallery: a tapped photo opens full size in a dialog over the page (Esc, the button or a
// tap outside closes it). Without JavaScript the link simply opens the photo itself.
(function () {
  "use strict";
  var links = document.querySelectorAll(".kt-galeri a");
  if (!links.length) return;
  var dialog = document.createElement("dialog");
  dialog.className = "kt-lightbox";
  dialog.setAttribute("aria-label", "Foto ukuran penuh");
  var image = document.createElement("img");
  var caption = document.createElement("p");
  var close = document.createElement("button");
  close.type = "button";
  close.className = "md-button kt-lightbox__tutup";
  close.textContent = "Tutup";
  close.addEventListener("click", function () { dialog.close(); });
  dialog.addEventListener("click", function (event) {
    if (event.target === dialog) dialog.close();
  });
  dialog.append(image, caption, close);
  document.body.appendChild(dialog);
  Array.prototype.forEach.call(links, function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      var thumb = link.querySelector("img");
      image.src = link.href;
      image.alt = thumb ? thumb.alt : "";
      var figure = link.closest("figure");
      var text = figure && figure.querySelector("figcaption");
      caption.textContent = text ? text.textContent : "";
      dialog.showModal();
      close.focus();
    });
  });
})();
