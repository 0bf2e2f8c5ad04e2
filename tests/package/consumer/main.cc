// Calls a lede server through the installed client library and prints what
// came back: `consumer HOST:PORT`. Exits non-zero unless the answer has the
// person and the date the sentence names.
#include <iostream>
#include <memory>
#include <string>

#include "client/client.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: consumer HOST:PORT\n";
    return 2;
  }
  lede::ClientOptions options;
  options.target = argv[1];
  auto client = lede::Client::Create(options);
  if (!client.ok()) {
    std::cerr << "consumer: " << client.status() << "\n";
    return 1;
  }
  lede::v1::AnalyzeRequest request;
  request.mutable_document()->set_content(
      "Mayor Ana Silva will open the new bridge in Lisbon on Tuesday.");
  request.mutable_document()->set_reference_time("2024-06-17");
  auto response = (*client)->Analyze(request);
  if (!response.ok()) {
    std::cerr << "consumer: " << response.status() << "\n";
    return 1;
  }
  bool person = false;
  for (const auto& e : response->entities()) {
    std::cout << "entity " << e.name() << "\n";
    if (e.name() == "Ana Silva") person = true;
  }
  bool tuesday = false;
  for (const auto& d : response->dates()) {
    std::cout << "date " << d.text() << " " << d.value() << "\n";
    if (d.value() == "2024-06-18") tuesday = true;
  }
  return person && tuesday ? 0 : 1;
}
