// The iframe widget's own script: ?n= and ?anh= of its URL, and its height for khung.js.
// widget_files.compact() joins the trimmed lines and drops the // lines: the page carries one line,
// hashed into its Content-Security-Policy.
(function(){
"use strict";
var list=document.getElementById("ccds-ds");
if(list){
var query=window.location.search;
var n=/[?&]n=(\d+)/.exec(query);
var anh=/[?&]anh=([01])/.exec(query);
var items=list.getElementsByTagName("li");
if(n){
var count=Math.max(1,Math.min(parseInt(n[1],10),items.length));
for(var i=0;i<items.length;i++){items[i].hidden=i>=count;}
}
if(anh){list.className=anh[1]==="0"?"ccds-ds ccds-khong-anh":"ccds-ds";}
}
// The partner page's khung.js asks for the height: titles are shown whole, the height follows.
var main=document.getElementById("ccds");
function report(){
if(window.parent===window){return;}
window.parent.postMessage({ccds:"chieu-cao",h:Math.ceil(main.getBoundingClientRect().height)},"*");
}
window.addEventListener("message",function(event){
if(event.source!==window.parent||!event.data||event.data.ccds!=="hoi-chieu-cao"){return;}
main.className="ccds";report();
});
if(window.ResizeObserver){new ResizeObserver(report).observe(main);}
else{window.addEventListener("resize",report);}
})();
