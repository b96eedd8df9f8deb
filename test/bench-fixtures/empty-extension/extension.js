// The activation floor: VS Code still resolves, loads and calls this module, but activate() does no work.
exports.activate = function activate() {
  return {};
};
exports.deactivate = function deactivate() {};
