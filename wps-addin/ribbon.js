// The ribbon's callbacks, loaded by index.html. Plain ES5: WPS runs this page in its own
// browser engine before any bundle, whatever its version.
/* global window, document, decodeURI */
/* eslint-disable no-unused-vars */
var TASKPANE_ID = "ssj_taskpane_id";
var TASKPANE_BOOK = "ssj_taskpane_book";
// msoCTPDockPositionRight
var DOCK_RIGHT = 2;

/** The folder this page was loaded from, where taskpane.html sits too. */
function addinFolder() {
  var url = decodeURI(document.location.toString());
  var cut = url.lastIndexOf("/");
  return cut >= 0 ? url.substring(0, cut) : url;
}

function activeBookName() {
  var wb = window.Application.ActiveWorkbook;
  return wb ? wb.FullName || wb.Name : "";
}

function OnAddinLoad(ribbonUI) {
  if (typeof window.Application.ribbonUI !== "object") window.Application.ribbonUI = ribbonUI;
  return true;
}

/** 抽查助手: shows the pane; the pane binds to the workbook active when it opens, so a pane
 *  shown again over another workbook is reloaded for that one. */
function OnAction(control) {
  if (control.Id !== "ssjShowPane") return true;
  var storage = window.Application.PluginStorage;
  var id = storage.getItem(TASKPANE_ID);
  var book = activeBookName();
  var pane = id ? window.Application.GetTaskPane(id) : null;
  if (!pane) {
    pane = window.Application.CreateTaskPane(addinFolder() + "/taskpane.html", "双随机抽查助手");
    storage.setItem(TASKPANE_ID, pane.ID);
    pane.DockPosition = DOCK_RIGHT;
    storage.setItem(TASKPANE_BOOK, book);
    pane.Visible = true;
    return true;
  }
  if (pane.Visible && storage.getItem(TASKPANE_BOOK) === book) {
    pane.Visible = false;
    return true;
  }
  if (storage.getItem(TASKPANE_BOOK) !== book) {
    storage.setItem(TASKPANE_BOOK, book);
    pane.Navigate(addinFolder() + "/taskpane.html");
  }
  pane.Visible = true;
  return true;
}

function GetImage(control) {
  return "images/icon.png";
}
