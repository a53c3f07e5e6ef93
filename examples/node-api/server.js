const http = require("http");

const port = Number(process.env.PORT || 3000);

http
  .createServer((request, response) => {
    response.writeHead(200, { "Content-Type": "application/json" });
    response.end(JSON.stringify({ status: "ok", path: request.url }));
  })
  .listen(port, () => console.log(`listening on ${port}`));
