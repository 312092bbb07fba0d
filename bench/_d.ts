import { drawOn } from "./xlsx";
drawOn(Number(process.argv[2])).then((r) => console.log(JSON.stringify(r)));
