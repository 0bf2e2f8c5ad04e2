# lede: multi-stage build on Debian 12.
#
#   toolchain  Debian's compiler and the -dev packages the build needs;
#   build    compiles lede-server and the lede CLI (Release) and records
#            which Debian packages their shared libraries come from;
#   runtime  debian:bookworm-slim with just those libraries, tini as PID 1,
#            the two binaries and the models under a versioned path, run as
#            a non-root user.
#
# Build and try it (podman or docker):
#   podman build --format=docker --network=host -t lede:0.1.0 .
#   podman run --rm -p 50051:50051 lede:0.1.0
#   lede --server=localhost:50051 health
# scripts/container-test.sh does all of that and checks the result; see
# docs/deploy.md.

ARG MODEL_VERSION=0.1.0

FROM debian:bookworm AS toolchain
# Keep in step with scripts/install-deps.sh (minus test and format tools).
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      g++ cmake make pkg-config \
      libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev protobuf-compiler \
      libabsl-dev libicu-dev libstemmer-dev libxml2-dev prometheus-cpp-dev \
    && rm -rf /var/lib/apt/lists/*

FROM toolchain AS build
WORKDIR /src
# Only what the server and the CLI are built from (tests, tools and benches
# are off), so edits elsewhere do not invalidate the compile layer.
COPY CMakeLists.txt ./
COPY cmake/ cmake/
COPY proto/ proto/
COPY engine/ engine/
COPY service/ service/
COPY client/ client/
COPY models/ models/
ARG MODEL_VERSION
RUN cmake -S . -B /build -DCMAKE_BUILD_TYPE=Release -DLEDE_BUILD_TESTS=OFF \
      -DLEDE_BUILD_BENCH=OFF -DLEDE_BUILD_TOOLS=OFF -DCMAKE_INSTALL_PREFIX=/opt/lede \
      -DLEDE_DEFAULT_MODEL_DIR=/opt/lede/share/lede/models/${MODEL_VERSION} \
    && cmake --build /build -j"$(nproc)" --target lede-server lede \
    && install -D -s /build/service/lede-server /opt/lede/bin/lede-server \
    && install -D -s /build/client/lede /opt/lede/bin/lede \
    && mkdir -p /opt/lede/share/lede/models/${MODEL_VERSION} \
    && cp -r models/. /opt/lede/share/lede/models/${MODEL_VERSION}/
# The Debian packages that own every shared library the binaries load: the
# runtime stage installs exactly these, so a new dependency needs no edit here.
RUN set -e; \
    for lib in $(ldd /opt/lede/bin/lede-server /opt/lede/bin/lede \
                 | awk '$2 == "=>" && $3 ~ /^\// {print $3}' | sort -u); do \
      real=$(readlink -f "$lib"); \
      dpkg -S "$lib" 2>/dev/null || dpkg -S "$real" 2>/dev/null \
        || dpkg -S "/usr$real" 2>/dev/null || { echo "no package owns $lib" >&2; exit 1; }; \
    done > /tmp/owners; \
    cut -d: -f1 /tmp/owners | sort -u > /opt/lede/share/lede/runtime-packages; \
    cat /opt/lede/share/lede/runtime-packages

FROM debian:bookworm-slim AS runtime
ARG MODEL_VERSION
LABEL org.opencontainers.image.title="lede" \
      org.opencontainers.image.description="gRPC service for news text analysis: summary, entities, dates, quotes" \
      org.opencontainers.image.version="${MODEL_VERSION}"
COPY --from=build /opt/lede/share/lede/runtime-packages /tmp/runtime-packages
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      tini $(cat /tmp/runtime-packages) \
    && rm -rf /var/lib/apt/lists/* /var/cache/apt/archives/*.deb /var/cache/apt/*.bin \
              /var/log/apt /var/log/dpkg.log /tmp/runtime-packages \
    && groupadd --system --gid 10001 lede \
    && useradd --system --uid 10001 --gid 10001 --no-create-home --shell /usr/sbin/nologin lede
COPY --from=build /opt/lede /opt/lede
ENV PATH=/opt/lede/bin:$PATH \
    LEDE_MODEL_DIR=/opt/lede/share/lede/models/${MODEL_VERSION}
USER 10001:10001
EXPOSE 50051
# `docker build` keeps this; podman only with --format=docker. Kubernetes
# ignores it and uses the grpc probes in deploy/k8s/.
HEALTHCHECK --interval=10s --timeout=3s --start-period=5s --retries=3 \
  CMD ["lede", "--server=127.0.0.1:50051", "health"]
# tini (PID 1) forwards SIGTERM to lede-server, which stops taking calls,
# lets in-flight ones finish within --grace_period (10s) and exits 0.
ENTRYPOINT ["/usr/bin/tini", "--", "lede-server"]
CMD ["--listen=0.0.0.0:50051"]
