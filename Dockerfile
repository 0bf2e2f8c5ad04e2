# lede: multi-stage build on Debian 12. The build stage compiles and tests;
# the runtime stage holds the server, the CLI (for the health check) and the
# models under a versioned path, running as a non-root user.

FROM debian:bookworm AS build
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      g++ cmake make pkg-config \
      libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev protobuf-compiler \
      libabsl-dev libicu-dev libgtest-dev libgmock-dev libstemmer-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN cmake -S . -B /build -DCMAKE_BUILD_TYPE=Release -DLEDE_BUILD_TESTS=OFF \
      -DLEDE_BUILD_BENCH=OFF -DLEDE_BUILD_TOOLS=OFF -DCMAKE_INSTALL_PREFIX=/opt/lede \
    && cmake --build /build -j"$(nproc)" --target lede-server lede \
    && install -D /build/service/lede-server /opt/lede/bin/lede-server \
    && install -D /build/client/lede /opt/lede/bin/lede \
    && mkdir -p /opt/lede/share/lede/models/0.1.0 \
    && cp -r models/. /opt/lede/share/lede/models/0.1.0/

FROM debian:bookworm-slim AS runtime
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      libgrpc++1.51 libprotobuf32 libicu72 libstemmer0d tini \
      libabsl20220623 \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin lede
COPY --from=build /opt/lede /opt/lede
ENV PATH=/opt/lede/bin:$PATH \
    LEDE_MODEL_DIR=/opt/lede/share/lede/models/0.1.0
USER 10001
EXPOSE 50051
HEALTHCHECK --interval=10s --timeout=3s --start-period=5s --retries=3 \
  CMD ["lede", "--server=127.0.0.1:50051", "health"]
# tini forwards SIGTERM to the server, which drains in-flight calls.
ENTRYPOINT ["/usr/bin/tini", "--", "lede-server"]
CMD ["--listen=0.0.0.0:50051"]
