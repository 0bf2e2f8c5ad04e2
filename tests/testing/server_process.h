#ifndef LEDE_TESTS_TESTING_SERVER_PROCESS_H_
#define LEDE_TESTS_TESTING_SERVER_PROCESS_H_

// Starts a real lede-server process on a free loopback port for end-to-end
// tests, and runs the real `lede` CLI.

#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

namespace lede::test_util {

// BinaryDir()
//
// The CMake build directory ($LEDE_BINARY_DIR, set by ctest).
inline std::string BinaryDir() {
  const char* d = std::getenv("LEDE_BINARY_DIR");
  return d ? d : "build";
}

inline std::string ServerBinary() {
  return BinaryDir() + "/service/lede-server";
}
inline std::string CliBinary() { return BinaryDir() + "/client/lede"; }

// ServerProcess
//
// A lede-server child process. The destructor kills it.
class ServerProcess {
 public:
  explicit ServerProcess(std::vector<std::string> extra_flags = {}) {
    char tmpl[] = "/tmp/lede_port_XXXXXX";
    const int fd = mkstemp(tmpl);
    close(fd);
    port_file_ = tmpl;
    std::remove(port_file_.c_str());
    log_file_ = port_file_ + ".log";
    std::vector<std::string> args = {ServerBinary(), "--listen=127.0.0.1:0",
                                     "--port_file=" + port_file_,
                                     "--log_level=warning"};
    args.insert(args.end(), extra_flags.begin(), extra_flags.end());
    pid_ = fork();
    if (pid_ == 0) {
      FILE* log = std::fopen(log_file_.c_str(), "w");
      if (log) dup2(fileno(log), 2);
      std::vector<char*> argv;
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      execv(argv[0], argv.data());
      _exit(127);
    }
    for (int i = 0; i < 300 && port_ == 0; ++i) {  // up to 30 s
      std::ifstream in(port_file_);
      if (in >> port_) break;
      port_ = 0;
      int status;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }
  ~ServerProcess() {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    std::remove(port_file_.c_str());
    std::remove(log_file_.c_str());
  }

  bool ok() const { return port_ > 0; }
  int port() const { return port_; }
  pid_t pid() const { return pid_; }
  std::string address() const { return "127.0.0.1:" + std::to_string(port_); }
  std::string log() const {
    std::ifstream in(log_file_);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }

  // Sends `sig` and waits up to `timeout` for the exit; returns the exit
  // status (as from waitpid) or -1 on timeout.
  int Stop(int sig, std::chrono::milliseconds timeout) {
    if (pid_ <= 0) return -1;
    kill(pid_, sig);
    const auto end = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < end) {
      int status;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        return status;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return -1;
  }

 private:
  pid_t pid_ = -1;
  int port_ = 0;
  std::string port_file_;
  std::string log_file_;
};

// CommandResult / RunCommand()
//
// Runs `command` with /bin/sh, capturing stdout (stderr goes to stdout when
// `merge_stderr`).
struct CommandResult {
  int exit_code = -1;
  std::string output;
};

inline CommandResult RunCommand(const std::string& command,
                                bool merge_stderr = false) {
  CommandResult r;
  const std::string cmd = merge_stderr ? command + " 2>&1" : command;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  char buf[65536];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.output.append(buf, n);
  const int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

}  // namespace lede::test_util

#endif  // LEDE_TESTS_TESTING_SERVER_PROCESS_H_
