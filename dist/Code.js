// Kling Cost for Google Sheets. Built from src/ by `npm run build`; do not edit.

/**
 * Credits one Kling generation costs.
 *
 * @param {*} mode standard (std, 720p), professional (pro, 1080p) or 4k (Kling 3.0 only).
 * @param {*} secs Clip length in seconds: 5 or 10 for Kling 2.6; 3 to 15 for Kling 3.0.
 * @param {*} audio TRUE for native audio; FALSE or empty for none.
 * @param {*} model Kling model: 2.6 (default) or 3.0 (credits estimated).
 * @return Credits per generation.
 * @customfunction
 */
function KLING_CREDITS(mode, secs, audio, model) {
  return KlingCost_.KLING_CREDITS.apply(null, arguments);
}

/**
 * USD per delivered video on a plan, retakes included.
 *
 * @param {*} mode standard (std, 720p), professional (pro, 1080p) or 4k (Kling 3.0 only).
 * @param {*} secs Clip length in seconds: 5 or 10 for Kling 2.6; 3 to 15 for Kling 3.0.
 * @param {*} audio TRUE for native audio; FALSE or empty for none.
 * @param {*} plan free (basic), standard, pro, premier or ultra.
 * @param {*} billing monthly (renewal, default), intro (first month), annual (yearly / 12) or list.
 * @param {*} retake_rate Share of paid generations thrown away, 0 to below 1, e.g. 0.2 or 20% (default 0).
 * @param {*} model Kling model: 2.6 (default) or 3.0 (credits estimated).
 * @return USD per delivered video.
 * @customfunction
 */
function KLING_COST(mode, secs, audio, plan, billing, retake_rate, model) {
  return KlingCost_.KLING_COST.apply(null, arguments);
}

/**
 * Whole videos a plan delivers per month, retakes included.
 *
 * @param {*} plan free (basic), standard, pro, premier or ultra.
 * @param {*} mode standard (std, 720p), professional (pro, 1080p) or 4k (Kling 3.0 only).
 * @param {*} secs Clip length in seconds: 5 or 10 for Kling 2.6; 3 to 15 for Kling 3.0.
 * @param {*} audio TRUE for native audio; FALSE or empty for none.
 * @param {*} retake_rate Share of paid generations thrown away, 0 to below 1, e.g. 0.2 or 20% (default 0).
 * @param {*} model Kling model: 2.6 (default) or 3.0 (credits estimated).
 * @return Videos per month.
 * @customfunction
 */
function KLING_VIDEOS(plan, mode, secs, audio, retake_rate, model) {
  return KlingCost_.KLING_VIDEOS.apply(null, arguments);
}

/**
 * Whole images a plan's monthly credits make at 0.2 credits each.
 *
 * @param {*} plan free (basic), standard, pro, premier or ultra.
 * @return Images per month.
 * @customfunction
 */
function KLING_IMAGES(plan) {
  return KlingCost_.KLING_IMAGES.apply(null, arguments);
}

/**
 * One figure of a Kling plan.
 *
 * @param {*} plan free (basic), standard, pro, premier or ultra.
 * @param {*} field credits, price (default), cost_per_credit, cost_per_100 or year.
 * @param {*} billing monthly (renewal, default), intro (first month), annual (yearly / 12) or list.
 * @return The figure: credits or USD.
 * @customfunction
 */
function KLING_PLAN(plan, field, billing) {
  return KlingCost_.KLING_PLAN.apply(null, arguments);
}

/**
 * The cheapest way to get that many credits each month (a plan, maybe with top-up packs).
 *
 * @param {*} credits_per_month Credits needed each month.
 * @param {*} billing monthly (renewal, default), intro (first month), annual (yearly / 12) or list.
 * @param {*} allow_topups TRUE (default) to consider a plan plus top-up packs; FALSE for plans alone.
 * @return The option, e.g. "Standard + 330-credit pack".
 * @customfunction
 */
function KLING_BEST_PLAN(credits_per_month, billing, allow_topups) {
  return KlingCost_.KLING_BEST_PLAN.apply(null, arguments);
}

/**
 * USD per month of the cheapest way to get that many credits each month.
 *
 * @param {*} credits_per_month Credits needed each month.
 * @param {*} billing monthly (renewal, default), intro (first month), annual (yearly / 12) or list.
 * @param {*} allow_topups TRUE (default) to consider a plan plus top-up packs; FALSE for plans alone.
 * @return USD per month.
 * @customfunction
 */
function KLING_MONTHLY_COST(credits_per_month, billing, allow_topups) {
  return KlingCost_.KLING_MONTHLY_COST.apply(null, arguments);
}

/**
 * USD for the same generation through Kling's API (official rates).
 *
 * @param {*} mode standard (std, 720p), professional (pro, 1080p) or 4k (Kling 3.0 only).
 * @param {*} secs Clip length in seconds: 5 or 10 for Kling 2.6; 3 to 15 for Kling 3.0.
 * @param {*} audio TRUE for native audio; FALSE or empty for none.
 * @param {*} model Kling model: 2.6 (default) or 3.0 (credits estimated).
 * @return USD per generation.
 * @customfunction
 */
function KLING_API_COST(mode, secs, audio, model) {
  return KlingCost_.KLING_API_COST.apply(null, arguments);
}

/**
 * Budget of a shot list: credits with a buffer, best option and costs.
 *
 * @param {*} modes Range of modes, one row per shot.
 * @param {*} secs Range of clip lengths in seconds.
 * @param {*} audios Range of TRUE/FALSE for native audio.
 * @param {*} counts Range of videos needed per month.
 * @param {*} billing monthly (renewal, default), intro (first month), annual (yearly / 12) or list.
 * @param {*} buffer Extra credits on top of the need, e.g. 0.2 or 20% (default 0.2).
 * @param {*} model Kling model: 2.6 (default) or 3.0 (credits estimated).
 * @return A two-column table: label, value.
 * @customfunction
 */
function KLING_BUDGET(modes, secs, audios, counts, billing, buffer, model) {
  return KlingCost_.KLING_BUDGET.apply(null, arguments);
}

/**
 * The plan table of the price book, with each row's source and as-of date.
 *
 * @return A table with a header row.
 * @customfunction
 */
function KLING_PRICES() {
  return KlingCost_.KLING_PRICES.apply(null, arguments);
}

/**
 * Builds the Kling Cost menu when the spreadsheet opens.
 * @param {*} e The open event.
 */
function onOpen(e) {
  return KlingCost_.onOpen.apply(null, arguments);
}

/**
 * Builds the Kling Cost menu right after the add-on is installed.
 * @param {*} e The install event.
 */
function onInstall(e) {
  return KlingCost_.onInstall.apply(null, arguments);
}

/**
 * Shows the custom functions and their arguments.
 */
function showHelp() {
  return KlingCost_.showHelp.apply(null, arguments);
}

"use strict";var KlingCost_=(()=>{var ne=Object.defineProperty;var st=Object.getOwnPropertyDescriptor;var it=Object.getOwnPropertyNames;var at=Object.prototype.hasOwnProperty;var lt=(t,e)=>{for(var n in e)ne(t,n,{get:e[n],enumerable:!0})},ct=(t,e,n,o)=>{if(e&&typeof e=="object"||typeof e=="function")for(let r of it(e))!at.call(t,r)&&r!==n&&ne(t,r,{get:()=>e[r],enumerable:!(o=st(e,r))||o.enumerable});return t};var dt=t=>ct(ne({},"__esModule",{value:!0}),t);var Kt={};lt(Kt,{KLING_API_COST:()=>Xe,KLING_BEST_PLAN:()=>je,KLING_BUDGET:()=>ze,KLING_COST:()=>De,KLING_CREDITS:()=>Ue,KLING_IMAGES:()=>He,KLING_MONTHLY_COST:()=>We,KLING_PLAN:()=>Ve,KLING_PRICES:()=>qe,KLING_VIDEOS:()=>Ge,onInstall:()=>Je,onOpen:()=>me,showHelp:()=>tt});var c=class extends Error{constructor(e){super(e),this.name="InputError"}},be=40;function ye(t){if(t==null)return"blank";if(typeof t=="string"){if(t.trim()==="")return"blank";let e=t.replace(/[\u0000-\u001f\u007f]+/g," ");return`"${e.length>be?`${e.slice(0,be)}...`:e}"`}if(typeof t=="number")return Number.isNaN(t)?"not-a-number":t===1/0?"infinity":t===-1/0?"minus infinity":String(t);if(typeof t=="boolean")return t?"TRUE":"FALSE";if(t instanceof Date){let e=t.getTime();return Number.isNaN(e)?"an invalid date":`the date ${t.toISOString().slice(0,10)}`}return Array.isArray(t)?"a list of values":"a value of an unknown kind"}function b(t){return t==null||t===""||typeof t=="string"&&t.trim()===""}function ut(t){return t.trim().toLowerCase().replace(/[\s_-]+/g," ")}function m(t,e,n,o){throw new c(`${t} ${ye(e)} ${n}; use ${o}`)}function re(t,e){throw new c(`${t} is missing; use ${e}`)}function B(t,e){if(typeof e!="string")return;let n=ut(e);return Object.prototype.hasOwnProperty.call(t,n)?t[n]:void 0}var pt={standard:"standard",std:"standard","720p":"standard",professional:"professional",pro:"professional","1080p":"professional","4k":"4k"},we="standard, professional or 4k";function oe(t,e="mode"){return b(t)&&re(e,we),B(pt,t)??m(e,t,"is not a Kling mode",we)}var ft={free:"free",basic:"free",standard:"standard",pro:"pro",premier:"premier",ultra:"ultra"},Ce="free, standard, pro, premier or ultra";function $(t,e="plan"){return b(t)&&re(e,Ce),B(ft,t)??m(e,t,"is not a Kling plan",Ce)}var mt={monthly:"monthly",intro:"intro","first month":"intro",annual:"annual",yearly:"annual",list:"list"},ht="monthly, intro (first month), annual or list";function F(t,e="billing"){return b(t)?"monthly":B(mt,t)??m(e,t,"is not a billing",ht)}var gt={"2.6":"2.6",3:"3.0","3.0":"3.0"},bt="2.6 or 3.0";function se(t,e="model"){if(b(t))return"2.6";if(typeof t=="number"){if(t===2.6)return"2.6";if(t===3)return"3.0"}return B(gt,t)??m(e,t,"is not a Kling model",bt)}var yt={true:!0,yes:!0,1:!0,false:!1,no:!1,0:!1},wt="TRUE or FALSE (also yes/no, 1/0)";function ie(t,e,n){return b(t)?n:typeof t=="boolean"?t:t===1?!0:t===0?!1:B(yt,t)??m(e,t,"is not TRUE or FALSE",wt)}function ae(t,e="audio"){return ie(t,e,!1)}var Ct=/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i,kt=/^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;function Ie(t){if(typeof t=="number")return Number.isNaN(t)?void 0:t;if(typeof t!="string")return;let e=t.trim();if(Ct.test(e))return Number(e);if(kt.test(e))return Number(e.replace(/,/g,""))}function le(t,e,n){b(t)&&re(e,n);let o=Ie(t);return o===void 0&&m(e,t,"is not a number",n),Number.isFinite(o)||m(e,t,"is not a finite number",n),o}var St="5 or 10 (Kling 2.6 makes 5 s or 10 s clips)",_t="a whole number of seconds from 3 to 15 (Kling 3.0)";function j(t,e,n="secs"){let o=e==="2.6"?St:_t,r=le(t,n,o);return(e==="2.6"?r===5||r===10:Number.isInteger(r)&&r>=3&&r<=15)||m(n,t,`is not a clip length Kling ${e} makes`,o),r}var Pt=/^([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*%$/;function xe(t){if(typeof t=="string"){let e=Pt.exec(t.trim());if(e)return Number(e[1])/100}return Ie(t)}var ke="a fraction from 0 up to but not including 1, such as 0.2 or 20%";function ce(t,e="retake_rate"){if(b(t))return 0;let n=xe(t);return(n===void 0||!Number.isFinite(n))&&m(e,t,"is not a rate",ke),(n<0||n>=1)&&m(e,t,"is outside 0 to below 1",ke),n}var It=100,Se="a fraction of 0 or more, such as 0.2 or 20% (at most 10000%)";function Ee(t,e="buffer"){if(b(t))return .2;let n=xe(t);return(n===void 0||!Number.isFinite(n))&&m(e,t,"is not a rate",Se),(n<0||n>It)&&m(e,t,"is outside 0 to 10000%",Se),n}var A=26e6,_e="a number of credits from 0 to 26,000,000";function Oe(t,e="credits_per_month"){let n=le(t,e,_e);return(n<0||n>A)&&m(e,t,"is out of range",_e),n}var xt=1e6,Pe="a whole number of videos per month from 0 to 1,000,000";function Te(t,e="count"){let n=le(t,e,Pe);return(!Number.isInteger(n)||n<0||n>xt)&&m(e,t,"is not a whole number of videos",Pe),n}var Et={credits:"credits",price:"price","cost per credit":"cost_per_credit","cost per 100":"cost_per_100",year:"year"},Ot="credits, price, cost_per_credit, cost_per_100 or year";function Me(t,e="field"){return b(t)?"price":B(Et,t)??m(e,t,"is not a plan field",Ot)}function C(t){return Math.round(t*100)}function N(t){return t/100}function W(t){let e=Math.round(t);return Math.abs(t-e)<=1e-9*Math.max(1,Math.abs(t))?e:t}function U(t){return Math.floor(W(t))}function Be(t){return Math.ceil(W(t))}function Ae(t,e){let n=Math.abs(t),o=Math.abs(e);for(;o;)[n,o]=[o,n%o];return n}function E(t){let[e,n]=String(t).split("."),o=(e??"").replace(/\B(?=(\d{3})+(?!\d))/g,",");return n===void 0?o:`${o}.${n}`}var X={source:"kling.ai/llms.txt (kling.ai/app/membership/membership-plan); the guide agrees",asOf:"2026-08-12",confidence:"official"},O={source:"kling.ai/llms.txt (credit top-up packs, one-time, valid 2 years)",asOf:"2026-08-12",confidence:"official"},k={source:"kling.ai/dev/pricing (via kling.ai/llms.txt)",asOf:"2026-05-29",confidence:"official"},T={source:"Kling AI Pricing 2026 guide (Kling 2.6 settings)",asOf:"2026-08-12",confidence:"guide"},R={source:"Estimate: reported 6/12/30 credits/s match the official API at $0.014 per credit",asOf:"2026-08-12",confidence:"estimate"},de={asOf:"2026-08-12",plans:[{id:"free",name:"Free",monthlyCredits:1980,dailyCredits:66,firstMonth:0,renewal:0,list:0,yearly:0,source:"Kling AI Pricing 2026 guide (66 credits a day, not carried over; Basic plan)",asOf:"2026-08-12",confidence:"guide"},{id:"standard",name:"Standard",monthlyCredits:660,dailyCredits:null,firstMonth:6.99,renewal:8.8,list:10,yearly:79.2,...X},{id:"pro",name:"Pro",monthlyCredits:3e3,dailyCredits:null,firstMonth:25.99,renewal:32.56,list:37,yearly:293.04,...X},{id:"premier",name:"Premier",monthlyCredits:8e3,dailyCredits:null,firstMonth:64.99,renewal:80.96,list:92,yearly:728.64,...X},{id:"ultra",name:"Ultra",monthlyCredits:26e3,dailyCredits:null,firstMonth:127.99,renewal:159.99,list:180,yearly:1429.99,...X}],packs:[{price:5,credits:330,bonus:0,...O},{price:10,credits:660,bonus:0,...O},{price:20,credits:1320,bonus:0,...O},{price:50,credits:3300,bonus:200,...O},{price:100,credits:6600,bonus:900,...O},{price:200,credits:13200,bonus:2800,...O},{price:600,credits:39600,bonus:8400,...O},{price:1200,credits:79200,bonus:16800,...O}],clipCredits26:[{mode:"standard",audio:!1,secs:5,credits:10,...T},{mode:"standard",audio:!1,secs:10,credits:20,...T},{mode:"professional",audio:!1,secs:5,credits:35,...T},{mode:"professional",audio:!1,secs:10,credits:70,...T},{mode:"standard",audio:!0,secs:5,credits:50,...T},{mode:"standard",audio:!0,secs:10,credits:100,...T},{mode:"professional",audio:!0,secs:5,credits:100,...T,source:'Kling AI Pricing 2026 guide ("~100")'},{mode:"professional",audio:!0,secs:10,credits:200,...T,source:'Kling AI Pricing 2026 guide ("~200")'}],secondCredits30:[{mode:"standard",audio:!1,creditsPerSecond:6,...R},{mode:"standard",audio:!0,creditsPerSecond:9,...R},{mode:"professional",audio:!1,creditsPerSecond:8,...R},{mode:"professional",audio:!0,creditsPerSecond:12,...R},{mode:"4k",audio:!1,creditsPerSecond:30,...R},{mode:"4k",audio:!0,creditsPerSecond:30,...R}],images:{creditsPerImage:.2,source:'Kling AI Pricing 2026 guide ("3,300 images per 660 credits")',asOf:"2026-08-12",confidence:"guide"},apiClip26:[{mode:"standard",audio:!1,secs:5,usd:.21,...k},{mode:"standard",audio:!1,secs:10,usd:.42,...k},{mode:"professional",audio:!1,secs:5,usd:.35,...k},{mode:"professional",audio:!1,secs:10,usd:.7,...k},{mode:"professional",audio:!0,secs:5,usd:.7,...k,source:"kling.ai/dev/pricing (pro with audio, without voice control; with voice control $0.84)"},{mode:"professional",audio:!0,secs:10,usd:1.4,...k,source:"kling.ai/dev/pricing (pro with audio, without voice control; with voice control $1.68)"}],apiSecond30:[{mode:"standard",audio:!1,usdPerSecond:.084,...k},{mode:"standard",audio:!0,usdPerSecond:.126,...k},{mode:"professional",audio:!1,usdPerSecond:.112,...k},{mode:"professional",audio:!0,usdPerSecond:.168,...k},{mode:"4k",audio:!1,usdPerSecond:.42,...k},{mode:"4k",audio:!0,usdPerSecond:.42,...k}]};var Tt=2e6,z=class{constructor(e){this.packs=e;this.costs=new Float64Array(1);this.credits=new Float64Array(1);this.counts=new Float64Array(1);this.choice=new Int16Array(1).fill(-1);this.built=0;this.periodicFrom=1/0;this.totals=e.map(r=>r.credits+r.bonus),this.cents=e.map(r=>C(r.price)),this.step=this.totals.reduce((r,s)=>Ae(r,s),0)||1;let n=this.totals.map(r=>r/this.step);this.widest=Math.max(0,...n);let o=-1;n.forEach((r,s)=>{if(o<0){o=s;return}let a=this.cents[s]*n[o]-this.cents[o]*r;(a<0||a===0&&r>n[o])&&(o=s)}),this.bulk=o}get hasPacks(){return this.packs.length>0}coverFor(e){if(!this.hasPacks)throw new c("the price book has no top-up packs");let n=Math.ceil(e/this.step-1e-9);if(n<=0)return{cents:0,credits:0,packs:[]};let o=0,r=n;if(this.ensurePeriod(n),n>this.built){let i=this.totals[this.bulk]/this.step;o=Math.ceil((n-this.built)/i),r=n-o*i}let s=[];for(let i=0;i<o;i++)s.push(this.packs[this.bulk]);for(let i=r;i>0;){let l=this.choice[i];s.push(this.packs[l]),i-=this.totals[l]/this.step}s.sort((i,l)=>l.credits+l.bonus-(i.credits+i.bonus));let a=this.packs[this.bulk];return{cents:this.costs[Math.max(r,0)]+o*C(a.price),credits:this.credits[Math.max(r,0)]+o*(a.credits+a.bonus),packs:s}}ensurePeriod(e){for(;this.built<e&&this.periodicFrom===1/0;){let n=Math.min(Math.max(this.built*2,4*this.widest,64),e);if(n>Tt)throw new c("the top-up packs of this price book are too irregular to plan that many credits");this.grow(n),this.checkPeriod()}}grow(e){let n=new Float64Array(e+1),o=new Float64Array(e+1),r=new Float64Array(e+1),s=new Int16Array(e+1).fill(-1);n.set(this.costs),o.set(this.credits),r.set(this.counts),s.set(this.choice);let a=this.totals.map(i=>i/this.step);for(let i=this.built+1;i<=e;i++){let l=1/0,d=0,p=0,f=-1;for(let y=0;y<a.length;y++){let S=Math.max(0,i-a[y]),M=n[S]+this.cents[y],I=o[S]+this.totals[y],u=r[S]+1;(M<l||M===l&&(I>d||I===d&&u<p))&&(l=M,d=I,p=u,f=y)}n[i]=l,o[i]=d,r[i]=p,s[i]=f}this.costs=n,this.credits=o,this.counts=r,this.choice=s,this.built=e}checkPeriod(){let e=this.totals[this.bulk]/this.step,n=this.built;if(n<e+this.widest+1)return;let o=this.cents[this.bulk],r=this.totals[this.bulk];for(let s=n-this.widest+1;s<=n;s++)if(this.costs[s]!==this.costs[s-e]+o||this.credits[s]!==this.credits[s-e]+r||this.counts[s]!==this.counts[s-e]+1)return;this.periodicFrom=n}};var L=30,D='mode "4k" is only offered by Kling 3.0; use standard or professional with Kling 2.6, or model 3.0',Mt={monthly:"monthly renewal",intro:"first month",annual:"annual billing",list:"list price"};function ue(t){return Mt[t]}var G=class{constructor(e){this.book=e;this.plansById=new Map;this.bestCache=new Map;for(let n of e.plans)this.plansById.set(n.id,n);this.packSolver=new z(e.packs)}plan(e){let n=this.plansById.get(e);if(!n)throw new c(`plan "${e}" is not in the price book`);return n}paidPlans(){return this.book.plans.filter(e=>e.dailyCredits===null).sort((e,n)=>e.monthlyCredits-n.monthlyCredits)}clipCredits(e){let{mode:n,secs:o,audio:r,model:s}=e;if(s==="2.6"){if(n==="4k")throw new c(D);let i=this.book.clipCredits26.find(l=>l.mode===n&&l.audio===r&&l.secs===o);if(!i)throw new c(`the price book has no Kling 2.6 credits for ${n} ${o} s${r?" with audio":""}`);return i.credits}let a=this.book.secondCredits30.find(i=>i.mode===n&&i.audio===r);if(!a)throw new c(`the price book has no Kling 3.0 credits for ${n}${r?" with audio":""}`);return W(a.creditsPerSecond*o)}planCredits(e){return e.dailyCredits===null?e.monthlyCredits:e.dailyCredits*L}planPrice(e,n){switch(n){case"intro":return e.firstMonth;case"annual":return C(e.yearly)/1200;case"list":return e.list;default:return e.renewal}}planYear(e,n){switch(n){case"intro":return N(C(e.firstMonth)+11*C(e.renewal));case"annual":return e.yearly;case"list":return N(12*C(e.list));default:return N(12*C(e.renewal))}}planFigure(e,n,o){let r=this.planCredits(e);switch(n){case"credits":return r;case"cost_per_credit":return r>0?this.planPrice(e,o)/r:0;case"cost_per_100":return r>0?this.planPrice(e,o)*100/r:0;case"year":return this.planYear(e,o);default:return this.planPrice(e,o)}}costPerVideo(e,n,o,r){let s=this.plan(n),a=this.clipCredits(e);if(s.dailyCredits!==null){if(a>s.dailyCredits)throw new c(`this clip costs ${E(a)} credits, more than the ${s.dailyCredits} credits the free plan gives per day; choose a paid plan`);return 0}let i=this.planPrice(s,o)/s.monthlyCredits;return a*i/(1-r)}videosPerMonth(e,n,o){let r=this.plan(n),s=this.clipCredits(e);return r.dailyCredits!==null?s>r.dailyCredits?0:U(U(r.dailyCredits/s)*L*(1-o)):U(U(r.monthlyCredits/s)*(1-o))}imagesPerMonth(e){let n=this.plan(e),o=Math.round(this.book.images.creditsPerImage*1e3);if(o<=0)throw new c("the price book gives images no credit cost");return n.dailyCredits!==null?Math.floor(Math.round(n.dailyCredits*1e3)/o)*L:Math.floor(Math.round(n.monthlyCredits*1e3)/o)}apiCost(e){let{mode:n,secs:o,audio:r,model:s}=e;if(s==="2.6"){if(n==="4k")throw new c(D);let i=this.book.apiClip26.find(l=>l.mode===n&&l.audio===r&&l.secs===o);if(!i)throw new c(`Kling's API offers no ${n} ${o} s clip${r?" with audio":""} for Kling 2.6${r&&n==="standard"?"; use professional with audio, or audio FALSE":""}`);return i.usd}let a=this.book.apiSecond30.find(i=>i.mode===n&&i.audio===r);if(!a)throw new c(`Kling's API offers no Kling 3.0 ${n} clip${r?" with audio":""}`);return Math.round(a.usdPerSecond*1e6)*o/1e6}options(e,n,o){let r=[];for(let s of this.paidPlans()){let a=e-s.monthlyCredits;if(a<=0)r.push(this.option(s,[],0,0,n));else if(o&&this.packSolver.hasPacks){let i=this.packSolver.coverFor(a);r.push(this.option(s,i.packs,i.cents,i.credits,n))}}return r.sort(At)}bestOption(e,n,o){if(!(e>=0&&e<=A))throw new c(`credits_per_month must be from 0 to ${E(A)}`);let r=`${e}|${n}|${o}`,s=this.bestCache.get(r);if(s)return s;let a;if(e===0){let i=this.book.plans.find(l=>l.dailyCredits!==null)??this.paidPlans()[0];i&&(a=this.option(i,[],0,0,n))}else a=this.options(e,n,o)[0];if(!a){let i=this.paidPlans(),l=i[i.length-1];throw new c(l?`no plan alone covers ${E(e)} credits a month (${l.name} has ${E(l.monthlyCredits)}); allow top-up packs (allow_topups TRUE) or plan fewer credits`:"the price book has no paid plan")}return this.bestCache.size>1e4&&this.bestCache.clear(),this.bestCache.set(r,a),a}budget(e,n,o){let r=0,s=0;for(let l of e)r+=this.clipCredits(l)*l.count,s+=l.count;let a=Be(r*(1+o));if(a>A)throw new c(`this shot list needs ${E(a)} credits a month with the buffer, more than the ${E(A)} the add-on plans for`);let i=this.bestOption(a,n,!0);return{videos:s,credits:r,buffer:o,creditsWithBuffer:a,best:i,costPerVideo:s>0?i.monthlyCost/s:null}}option(e,n,o,r,s){let a=s==="annual"?(C(e.yearly)+12*o)/1200:N(C(this.planPrice(e,s))+o),i=N(C(this.planYear(e,s))+12*o),l=[e.name,...Bt(n)].join(" + ");return{plan:e,packs:n,credits:this.planCredits(e)+r,monthlyCost:a,yearCost:i,label:l}}};function Bt(t){let e=new Map;for(let n of t){let o=n.credits+n.bonus;e.set(o,(e.get(o)??0)+1)}return[...e].sort(([n],[o])=>o-n).map(([n,o])=>`${o>1?`${o} x `:""}${E(n)}-credit pack`)}function At(t,e){let n=t.monthlyCost-e.monthlyCost;return Math.abs(n)>1e-9?n:t.credits!==e.credits?e.credits-t.credits:t.packs.length-e.packs.length}var Ne=["Plan","Credits per month","Credits per day","First month (USD)","Monthly renewal (USD)","List monthly (USD)","Yearly (USD)","Yearly per month (USD)","Confidence","Source","As of"];function pe(t){let e=[[...Ne]];for(let n of t.plans){let o=n.dailyCredits!==null;e.push([n.name,o?n.dailyCredits*L:n.monthlyCredits,o?n.dailyCredits:"",n.firstMonth,n.renewal,n.list,n.yearly,Math.round(n.yearly*100)/1200,n.confidence,n.source,n.asOf])}return e}var Nt=["Videos per month","Credits for delivered videos","Buffer","Credits with buffer","Best option","Monthly cost (USD)","Cost per delivered video (USD)","12-month cost (USD)","Billing","Model"];function Re(t,e,n){let o=[t.videos,t.credits,t.buffer,t.creditsWithBuffer,t.best.label,t.best.monthlyCost,t.costPerVideo??"",t.best.yearCost,ue(e),n==="3.0"?"Kling 3.0 (credits are an estimate)":"Kling 2.6"];return Nt.map((r,s)=>[r,o[s]])}function Le(t){return`${t.rows} ${t.rows===1?"row":"rows"} x ${t.cols} ${t.cols===1?"column":"columns"}`}function q(t,e){if(!Array.isArray(t))return{single:t};let n=t.every(r=>Array.isArray(r))?t:[t];if(n.length===0||n[0].length===0)throw new c(`${e} is an empty range; give at least one cell`);let o=n[0].length;for(let r of n)if(r.length!==o)throw new c(`${e} is not a rectangular range (its rows have different lengths)`);return n.length===1&&o===1?{single:n[0][0]}:{grid:{rows:n.length,cols:o,cells:n}}}function Fe(t){return t instanceof c?t.message:"Kling Cost could not compute this; check the inputs"}function H(t){throw new Error(Fe(t))}function Ke(t){if(typeof t=="number"&&!Number.isFinite(t))throw new c("the result is too large to compute; use smaller numbers");return t}function $e(t,e,n){return b(t)||t===!1&&n.falseIsBlank!==void 0&&n.falseIsBlank.includes(e)}function x(t,e,n){let o=[],r=[];try{e.names.forEach((d,p)=>{let f=q(t[p],d);o.push(f.single),f.grid&&r.push({index:p,grid:f.grid})})}catch(d){H(d)}if(r.length===0){if(o.every((d,p)=>$e(d,p,e)))return"";try{return Ke(n(o))}catch(d){H(d)}}let s=r[0];for(let d of r)if(d.grid.rows!==s.grid.rows||d.grid.cols!==s.grid.cols)throw new Error(`ranges of different shapes: ${e.names[s.index]} is ${Le(s.grid)}, ${e.names[d.index]} is ${Le(d.grid)}; give ranges of the same size`);let{rows:a,cols:i}=s.grid,l=new Array(a);for(let d=0;d<a;d++){let p=new Array(i);for(let f=0;f<i;f++){let y=!0;for(let{index:S,grid:M}of r){let I=M.cells[d][f];o[S]=I,y&&!$e(I,S,e)&&(y=!1)}if(y){p[f]="";continue}try{p[f]=Ke(n(o))}catch(S){p[f]=`ERROR: ${Fe(S)}`}}l[d]=p}return l}function h(t){let e=new Map;return n=>{let o=e.get(n);if(o===void 0){try{o={ok:t(n)}}catch(r){o={error:r}}e.size<1e4&&e.set(n,o)}if("error"in o)throw o.error;return o.ok}}var _=new G(de);function J(){let t=h(s=>se(s)),e=h(s=>oe(s)),n=h(s=>ae(s)),o=h(s=>j(s,"2.6")),r=h(s=>j(s,"3.0"));return(s,a,i,l)=>{let d=t(l),p=e(s);if(p==="4k"&&d==="2.6")throw new c(D);return{mode:p,secs:d==="2.6"?o(a):r(a),audio:n(i),model:d}}}function Ue(...t){let e=J();return x(t,{names:["mode","secs","audio","model"],falseIsBlank:[2]},n=>_.clipCredits(e(n[0],n[1],n[2],n[3])))}function De(...t){let e=J(),n=h(s=>$(s)),o=h(s=>F(s)),r=h(s=>ce(s));return x(t,{names:["mode","secs","audio","plan","billing","retake_rate","model"],falseIsBlank:[2]},s=>{let a=e(s[0],s[1],s[2],s[6]);return _.costPerVideo(a,n(s[3]),o(s[4]),r(s[5]))})}function Ge(...t){let e=J(),n=h(r=>$(r)),o=h(r=>ce(r));return x(t,{names:["plan","mode","secs","audio","retake_rate","model"],falseIsBlank:[3]},r=>{let s=n(r[0]);return _.videosPerMonth(e(r[1],r[2],r[3],r[5]),s,o(r[4]))})}function He(...t){let e=h(n=>$(n));return x(t,{names:["plan"]},n=>_.imagesPerMonth(e(n[0])))}function Ve(...t){let e=h(r=>$(r)),n=h(r=>Me(r)),o=h(r=>F(r));return x(t,{names:["plan","field","billing"]},r=>_.planFigure(_.plan(e(r[0])),n(r[1]),o(r[2])))}function Ye(t){let e=Oe(t[0]);return _.bestOption(e,F(t[1]),ie(t[2],"allow_topups",!0))}var ve={names:["credits_per_month","billing","allow_topups"]};function je(...t){return x(t,ve,e=>Ye(e).label)}function We(...t){return x(t,ve,e=>Ye(e).monthlyCost)}function Xe(...t){let e=J();return x(t,{names:["mode","secs","audio","model"],falseIsBlank:[2]},n=>_.apiCost(e(n[0],n[1],n[2],n[3])))}var fe=["modes","secs","audios","counts"];function ze(...t){try{let[,,,,e,n,o]=t,r=fe.map((u,g)=>q(t[g],u)),s={billing:e,buffer:n,model:o},a={};for(let[u,g]of Object.entries(s)){let P=q(g,u);if(P.grid)throw new c(`${u} must be a single value, not a range`);a[u]=P.single}let i=r.filter(u=>u.grid);if(i.length===0&&[...r.map(u=>u.single),...Object.values(a)].every((u,g)=>b(u)||g===2&&u===!1))return"";let l=i[0]?.grid;r.forEach((u,g)=>{if(u.grid&&l&&(u.grid.rows!==l.rows||u.grid.cols!==l.cols))throw new c(`${fe[g]} has ${u.grid.rows} x ${u.grid.cols} cells but ${fe[r.indexOf(i[0])]} has ${l.rows} x ${l.cols}; give the shot list as ranges of the same rows`)});let d=F(a.billing),p=Ee(a.buffer),f=se(a.model),y=l?l.rows:1,S=l?l.cols:1,M=(u,g,P)=>{let K=r[u];return K.grid?K.grid.cells[g][P]:K.single},I=[];for(let u=0;u<y;u++)for(let g=0;g<S;g++){let P=[0,1,2,3].map(w=>M(w,u,g)),K=w=>!l||r[w]?.grid!==void 0;if(P.every((w,v)=>!K(v)||b(w)||v===2&&w===!1))continue;let nt=S>1?`row ${u+1}, column ${g+1}`:`row ${u+1}`;try{let w=oe(P[0],"mode"),v=j(P[1],f,"secs"),rt=ae(P[2],"audio"),ot=Te(P[3],"count"),ge={mode:w,secs:v,audio:rt,model:f,count:ot};_.clipCredits(ge),I.push(ge)}catch(w){throw w instanceof c?new c(`${nt}: ${w.message}`):w}}return Re(_.budget(I,d,p),d,f)}catch(e){H(e)}}function qe(){try{return pe(_.book)}catch(t){H(t)}}function me(t){SpreadsheetApp.getUi().createAddonMenu().addItem("Help","showHelp").addToUi()}function Je(t){me(t)}var Q=["mode","standard (std, 720p), professional (pro, 1080p) or 4k (Kling 3.0 only)."],Z=["secs","Clip length in seconds: 5 or 10 for Kling 2.6; 3 to 15 for Kling 3.0."],ee=["audio","TRUE for native audio; FALSE or empty for none."],V=["model","Kling model: 2.6 (default) or 3.0 (credits estimated)."],te=["plan","free (basic), standard, pro, premier or ultra."],Y=["billing","monthly (renewal, default), intro (first month), annual (yearly / 12) or list."],Qe=["retake_rate","Share of paid generations thrown away, 0 to below 1, e.g. 0.2 or 20% (default 0)."],Ze=["credits_per_month","Credits needed each month."],et=["allow_topups","TRUE (default) to consider a plan plus top-up packs; FALSE for plans alone."],he={KLING_CREDITS:{description:"Credits one Kling generation costs.",params:[Q,Z,ee,V],returns:"Credits per generation.",customFunction:!0},KLING_COST:{description:"USD per delivered video on a plan, retakes included.",params:[Q,Z,ee,te,Y,Qe,V],returns:"USD per delivered video.",customFunction:!0},KLING_VIDEOS:{description:"Whole videos a plan delivers per month, retakes included.",params:[te,Q,Z,ee,Qe,V],returns:"Videos per month.",customFunction:!0},KLING_IMAGES:{description:"Whole images a plan's monthly credits make at 0.2 credits each.",params:[te],returns:"Images per month.",customFunction:!0},KLING_PLAN:{description:"One figure of a Kling plan.",params:[te,["field","credits, price (default), cost_per_credit, cost_per_100 or year."],Y],returns:"The figure: credits or USD.",customFunction:!0},KLING_BEST_PLAN:{description:"The cheapest way to get that many credits each month (a plan, maybe with top-up packs).",params:[Ze,Y,et],returns:'The option, e.g. "Standard + 330-credit pack".',customFunction:!0},KLING_MONTHLY_COST:{description:"USD per month of the cheapest way to get that many credits each month.",params:[Ze,Y,et],returns:"USD per month.",customFunction:!0},KLING_API_COST:{description:"USD for the same generation through Kling's API (official rates).",params:[Q,Z,ee,V],returns:"USD per generation.",customFunction:!0},KLING_BUDGET:{description:"Budget of a shot list: credits with a buffer, best option and costs.",params:[["modes","Range of modes, one row per shot."],["secs","Range of clip lengths in seconds."],["audios","Range of TRUE/FALSE for native audio."],["counts","Range of videos needed per month."],Y,["buffer","Extra credits on top of the need, e.g. 0.2 or 20% (default 0.2)."],V],returns:"A two-column table: label, value.",customFunction:!0},KLING_PRICES:{description:"The plan table of the price book, with each row's source and as-of date.",params:[],returns:"A table with a header row.",customFunction:!0}},Rt={onOpen:{description:"Builds the Kling Cost menu when the spreadsheet opens.",params:[["e","The open event."]]},onInstall:{description:"Builds the Kling Cost menu right after the add-on is installed.",params:[["e","The install event."]]},showHelp:{description:"Shows the custom functions and their arguments.",params:[]}},bn={...he,...Rt};function Lt(){return`Kling Cost: what Kling AI video generation really costs.

${Object.entries(he).map(([e,n])=>`=${e}(${n.params.map(([o])=>o).join(", ")})
  ${n.description}`).join(`
`)}`}function tt(){let t=SpreadsheetApp.getUi();t.alert("Kling Cost help",Lt(),t.ButtonSet.OK)}return dt(Kt);})();
