FROM python:3.11-slim
WORKDIR /app
COPY requirements.lock pyproject.toml README.md ./
RUN pip install --no-cache-dir -r requirements.lock
COPY riftwatch riftwatch
COPY agents agents
COPY schemas schemas
RUN pip install --no-cache-dir --no-deps .
ENTRYPOINT []
CMD ["riftwatch", "worker"]
