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

"use strict";var KlingCost_=(()=>{var ne=Object.defineProperty;var st=Object.getOwnPropertyDescriptor;var it=Object.getOwnPropertyNames;var at=Object.prototype.hasOwnProperty;var lt=(e,t)=>{for(var n in t)ne(e,n,{get:t[n],enumerable:!0})},ct=(e,t,n,r)=>{if(t&&typeof t=="object"||typeof t=="function")for(let o of it(t))!at.call(e,o)&&o!==n&&ne(e,o,{get:()=>t[o],enumerable:!(r=st(t,o))||r.enumerable});return e};var dt=e=>ct(ne({},"__esModule",{value:!0}),e);var $t={};lt($t,{KLING_API_COST:()=>Xe,KLING_BEST_PLAN:()=>je,KLING_BUDGET:()=>ze,KLING_COST:()=>De,KLING_CREDITS:()=>Ue,KLING_IMAGES:()=>He,KLING_MONTHLY_COST:()=>We,KLING_PLAN:()=>Ve,KLING_PRICES:()=>qe,KLING_VIDEOS:()=>Ge,onInstall:()=>Je,onOpen:()=>me,showHelp:()=>tt});var c=class extends Error{constructor(t){super(t),this.name="InputError"}},be=40;function ye(e){if(e==null)return"blank";if(typeof e=="string"){if(e.trim()==="")return"blank";let t=e.replace(/[\u0000-\u001f\u007f]+/g," ");return`"${t.length>be?`${t.slice(0,be)}...`:t}"`}return typeof e=="number"?Number.isNaN(e)?"not-a-number":e===1/0?"infinity":e===-1/0?"minus infinity":String(e):typeof e=="boolean"?e?"TRUE":"FALSE":e instanceof Date?Number.isNaN(e.getTime())?"an invalid date":`the date ${ut(e)}`:Array.isArray(e)?"a list of values":"a value of an unknown kind"}function ut(e){let t=(n,r)=>String(n).padStart(r,"0");return`${t(e.getFullYear(),4)}-${t(e.getMonth()+1,2)}-${t(e.getDate(),2)}`}function C(e){return Math.round(e*100)}function A(e){return e/100}function B(e){let t=Math.round(e);return Math.abs(e-t)<=1e-9*Math.max(1,Math.abs(e))?t:e}function F(e){return Math.floor(B(e))}function we(e){return Math.ceil(B(e))}function Ce(e,t){let n=Math.abs(e),r=Math.abs(t);for(;r;)[n,r]=[r,n%r];return n}function E(e){let[t,n]=String(e).split("."),r=(t??"").replace(/\B(?=(\d{3})+(?!\d))/g,",");return n===void 0?r:`${r}.${n}`}function b(e){return e==null||e===""||typeof e=="string"&&e.trim()===""}function pt(e){return e.trim().toLowerCase().replace(/[\s_-]+/g," ")}function m(e,t,n,r){throw new c(`${e} ${ye(t)} ${n}; use ${r}`)}function re(e,t){throw new c(`${e} is missing; use ${t}`)}function N(e,t){if(typeof t!="string")return;let n=pt(t);return Object.prototype.hasOwnProperty.call(e,n)?e[n]:void 0}var ft={standard:"standard",std:"standard","720p":"standard",professional:"professional",pro:"professional","1080p":"professional","4k":"4k"},ke="standard, professional or 4k";function oe(e,t="mode"){return b(e)&&re(t,ke),N(ft,e)??m(t,e,"is not a Kling mode",ke)}var mt={free:"free",basic:"free",standard:"standard",pro:"pro",premier:"premier",ultra:"ultra"},Se="free, standard, pro, premier or ultra";function U(e,t="plan"){return b(e)&&re(t,Se),N(mt,e)??m(t,e,"is not a Kling plan",Se)}var ht={monthly:"monthly",intro:"intro","first month":"intro",annual:"annual",yearly:"annual",list:"list"},gt="monthly, intro (first month), annual or list";function D(e,t="billing"){return b(e)?"monthly":N(ht,e)??m(t,e,"is not a billing",gt)}var bt={"2.6":"2.6",3:"3.0","3.0":"3.0"},yt="2.6 or 3.0";function se(e,t="model"){if(b(e))return"2.6";if(typeof e=="number"){if(e===2.6)return"2.6";if(e===3)return"3.0"}return N(bt,e)??m(t,e,"is not a Kling model",yt)}var wt={true:!0,yes:!0,1:!0,false:!1,no:!1,0:!1},Ct="TRUE or FALSE (also yes/no, 1/0)";function ie(e,t,n){return b(e)?n:typeof e=="boolean"?e:e===1?!0:e===0?!1:N(wt,e)??m(t,e,"is not TRUE or FALSE",Ct)}function ae(e,t="audio"){return ie(e,t,!1)}var kt=/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i,St=/^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;function Ee(e){if(typeof e=="number")return Number.isNaN(e)?void 0:e;if(typeof e!="string")return;let t=e.trim();if(kt.test(t))return Number(t);if(St.test(t))return Number(t.replace(/,/g,""))}function le(e,t,n){b(e)&&re(t,n);let r=Ee(e);return r===void 0&&m(t,e,"is not a number",n),Number.isFinite(r)||m(t,e,"is not a finite number",n),r}var _t="5 or 10 (Kling 2.6 makes 5 s or 10 s clips)",Pt="a whole number of seconds from 3 to 15 (Kling 3.0)";function W(e,t,n="secs"){let r=t==="2.6"?_t:Pt,o=B(le(e,n,r));return(t==="2.6"?o===5||o===10:Number.isInteger(o)&&o>=3&&o<=15)||m(n,e,`is not a clip length Kling ${t} makes`,r),o}var It=/^([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*%$/;function Oe(e){if(typeof e=="string"){let t=It.exec(e.trim());if(t)return Number(t[1])/100}return Ee(e)}var _e="a fraction from 0 up to but not including 1, such as 0.2 or 20%";function ce(e,t="retake_rate"){if(b(e))return 0;let n=Oe(e);return(n===void 0||!Number.isFinite(n))&&m(t,e,"is not a rate",_e),(n<0||n>=1)&&m(t,e,"is outside 0 to below 1",_e),n}var xt=100,Pe="a fraction of 0 or more, such as 0.2 or 20% (at most 10000%)";function Te(e,t="buffer"){if(b(e))return .2;let n=Oe(e);return(n===void 0||!Number.isFinite(n))&&m(t,e,"is not a rate",Pe),(n<0||n>xt)&&m(t,e,"is outside 0 to 10000%",Pe),n}var R=26e6,Ie="a number of credits from 0 to 26,000,000";function Me(e,t="credits_per_month"){let n=le(e,t,Ie);return(n<0||n>R)&&m(t,e,"is out of range",Ie),n}var Et=1e6,xe="a whole number of videos per month from 0 to 1,000,000";function Be(e,t="count"){let n=B(le(e,t,xe));return(!Number.isInteger(n)||n<0||n>Et)&&m(t,e,"is not a whole number of videos",xe),n}var Ot={credits:"credits",price:"price","cost per credit":"cost_per_credit","cost per 100":"cost_per_100",year:"year"},Tt="credits, price, cost_per_credit, cost_per_100 or year";function Ae(e,t="field"){return b(e)?"price":N(Ot,e)??m(t,e,"is not a plan field",Tt)}var X={source:"kling.ai/llms.txt (kling.ai/app/membership/membership-plan); the guide agrees",asOf:"2026-08-12",confidence:"official"},O={source:"kling.ai/llms.txt (credit top-up packs, one-time, valid 2 years)",asOf:"2026-08-12",confidence:"official"},k={source:"kling.ai/dev/pricing (via kling.ai/llms.txt)",asOf:"2026-05-29",confidence:"official"},T={source:"Kling AI Pricing 2026 guide (Kling 2.6 settings)",asOf:"2026-08-12",confidence:"guide"},L={source:"Estimate: reported 6/12/30 credits/s match the official API at $0.014 per credit",asOf:"2026-08-12",confidence:"estimate"},de={asOf:"2026-08-12",plans:[{id:"free",name:"Free",monthlyCredits:1980,dailyCredits:66,firstMonth:0,renewal:0,list:0,yearly:0,source:"Kling AI Pricing 2026 guide (66 credits a day, not carried over; Basic plan)",asOf:"2026-08-12",confidence:"guide"},{id:"standard",name:"Standard",monthlyCredits:660,dailyCredits:null,firstMonth:6.99,renewal:8.8,list:10,yearly:79.2,...X},{id:"pro",name:"Pro",monthlyCredits:3e3,dailyCredits:null,firstMonth:25.99,renewal:32.56,list:37,yearly:293.04,...X},{id:"premier",name:"Premier",monthlyCredits:8e3,dailyCredits:null,firstMonth:64.99,renewal:80.96,list:92,yearly:728.64,...X},{id:"ultra",name:"Ultra",monthlyCredits:26e3,dailyCredits:null,firstMonth:127.99,renewal:159.99,list:180,yearly:1429.99,...X}],packs:[{price:5,credits:330,bonus:0,...O},{price:10,credits:660,bonus:0,...O},{price:20,credits:1320,bonus:0,...O},{price:50,credits:3300,bonus:200,...O},{price:100,credits:6600,bonus:900,...O},{price:200,credits:13200,bonus:2800,...O},{price:600,credits:39600,bonus:8400,...O},{price:1200,credits:79200,bonus:16800,...O}],clipCredits26:[{mode:"standard",audio:!1,secs:5,credits:10,...T},{mode:"standard",audio:!1,secs:10,credits:20,...T},{mode:"professional",audio:!1,secs:5,credits:35,...T},{mode:"professional",audio:!1,secs:10,credits:70,...T},{mode:"standard",audio:!0,secs:5,credits:50,...T},{mode:"standard",audio:!0,secs:10,credits:100,...T},{mode:"professional",audio:!0,secs:5,credits:100,...T,source:'Kling AI Pricing 2026 guide ("~100")'},{mode:"professional",audio:!0,secs:10,credits:200,...T,source:'Kling AI Pricing 2026 guide ("~200")'}],secondCredits30:[{mode:"standard",audio:!1,creditsPerSecond:6,...L},{mode:"standard",audio:!0,creditsPerSecond:9,...L},{mode:"professional",audio:!1,creditsPerSecond:8,...L},{mode:"professional",audio:!0,creditsPerSecond:12,...L},{mode:"4k",audio:!1,creditsPerSecond:30,...L},{mode:"4k",audio:!0,creditsPerSecond:30,...L}],images:{creditsPerImage:.2,source:'Kling AI Pricing 2026 guide ("3,300 images per 660 credits")',asOf:"2026-08-12",confidence:"guide"},apiClip26:[{mode:"standard",audio:!1,secs:5,usd:.21,...k},{mode:"standard",audio:!1,secs:10,usd:.42,...k},{mode:"professional",audio:!1,secs:5,usd:.35,...k},{mode:"professional",audio:!1,secs:10,usd:.7,...k},{mode:"professional",audio:!0,secs:5,usd:.7,...k,source:"kling.ai/dev/pricing (pro with audio, without voice control; with voice control $0.84)"},{mode:"professional",audio:!0,secs:10,usd:1.4,...k,source:"kling.ai/dev/pricing (pro with audio, without voice control; with voice control $1.68)"}],apiSecond30:[{mode:"standard",audio:!1,usdPerSecond:.084,...k},{mode:"standard",audio:!0,usdPerSecond:.126,...k},{mode:"professional",audio:!1,usdPerSecond:.112,...k},{mode:"professional",audio:!0,usdPerSecond:.168,...k},{mode:"4k",audio:!1,usdPerSecond:.42,...k},{mode:"4k",audio:!0,usdPerSecond:.42,...k}]};var Mt=2e6,z=class{constructor(t){this.packs=t;this.costs=new Float64Array(1);this.credits=new Float64Array(1);this.counts=new Float64Array(1);this.choice=new Int16Array(1).fill(-1);this.built=0;this.periodicFrom=1/0;this.totals=t.map(o=>o.credits+o.bonus),this.cents=t.map(o=>C(o.price)),this.step=this.totals.reduce((o,s)=>Ce(o,s),0)||1;let n=this.totals.map(o=>o/this.step);this.widest=Math.max(0,...n);let r=-1;n.forEach((o,s)=>{if(r<0){r=s;return}let a=this.cents[s]*n[r]-this.cents[r]*o;(a<0||a===0&&o>n[r])&&(r=s)}),this.bulk=r}get hasPacks(){return this.packs.length>0}coverFor(t){if(!this.hasPacks)throw new c("the price book has no top-up packs");let n=Math.ceil(t/this.step-1e-9);if(n<=0)return{cents:0,credits:0,packs:[]};let r=0,o=n;if(this.ensurePeriod(n),n>this.built){let i=this.totals[this.bulk]/this.step;r=Math.ceil((n-this.built)/i),o=n-r*i}let s=[];for(let i=0;i<r;i++)s.push(this.packs[this.bulk]);for(let i=o;i>0;){let l=this.choice[i];s.push(this.packs[l]),i-=this.totals[l]/this.step}s.sort((i,l)=>l.credits+l.bonus-(i.credits+i.bonus));let a=this.packs[this.bulk];return{cents:this.costs[Math.max(o,0)]+r*C(a.price),credits:this.credits[Math.max(o,0)]+r*(a.credits+a.bonus),packs:s}}ensurePeriod(t){for(;this.built<t&&this.periodicFrom===1/0;){let n=Math.min(Math.max(this.built*2,4*this.widest,64),t);if(n>Mt)throw new c("the top-up packs of this price book are too irregular to plan that many credits");this.grow(n),this.checkPeriod()}}grow(t){let n=new Float64Array(t+1),r=new Float64Array(t+1),o=new Float64Array(t+1),s=new Int16Array(t+1).fill(-1);n.set(this.costs),r.set(this.credits),o.set(this.counts),s.set(this.choice);let a=this.totals.map(i=>i/this.step);for(let i=this.built+1;i<=t;i++){let l=1/0,d=0,p=0,f=-1;for(let y=0;y<a.length;y++){let S=Math.max(0,i-a[y]),M=n[S]+this.cents[y],I=r[S]+this.totals[y],u=o[S]+1;(M<l||M===l&&(I>d||I===d&&u<p))&&(l=M,d=I,p=u,f=y)}n[i]=l,r[i]=d,o[i]=p,s[i]=f}this.costs=n,this.credits=r,this.counts=o,this.choice=s,this.built=t}checkPeriod(){let t=this.totals[this.bulk]/this.step,n=this.built;if(n<t+this.widest+1)return;let r=this.cents[this.bulk],o=this.totals[this.bulk];for(let s=n-this.widest+1;s<=n;s++)if(this.costs[s]!==this.costs[s-t]+r||this.credits[s]!==this.credits[s-t]+o||this.counts[s]!==this.counts[s-t]+1)return;this.periodicFrom=n}};var K=30,G='mode "4k" is only offered by Kling 3.0; use standard or professional with Kling 2.6, or model 3.0',Bt={monthly:"monthly renewal",intro:"first month",annual:"annual billing",list:"list price"};function ue(e){return Bt[e]}var H=class{constructor(t){this.book=t;this.plansById=new Map;this.bestCache=new Map;for(let n of t.plans)this.plansById.set(n.id,n);this.packSolver=new z(t.packs)}plan(t){let n=this.plansById.get(t);if(!n)throw new c(`plan "${t}" is not in the price book`);return n}paidPlans(){return this.book.plans.filter(t=>t.dailyCredits===null).sort((t,n)=>t.monthlyCredits-n.monthlyCredits)}clipCredits(t){let{mode:n,secs:r,audio:o,model:s}=t;if(s==="2.6"){if(n==="4k")throw new c(G);let i=this.book.clipCredits26.find(l=>l.mode===n&&l.audio===o&&l.secs===r);if(!i)throw new c(`the price book has no Kling 2.6 credits for ${n} ${r} s${o?" with audio":""}`);return i.credits}let a=this.book.secondCredits30.find(i=>i.mode===n&&i.audio===o);if(!a)throw new c(`the price book has no Kling 3.0 credits for ${n}${o?" with audio":""}`);return B(a.creditsPerSecond*r)}planCredits(t){return t.dailyCredits===null?t.monthlyCredits:t.dailyCredits*K}planPrice(t,n){switch(n){case"intro":return t.firstMonth;case"annual":return C(t.yearly)/1200;case"list":return t.list;default:return t.renewal}}planYear(t,n){switch(n){case"intro":return A(C(t.firstMonth)+11*C(t.renewal));case"annual":return t.yearly;case"list":return A(12*C(t.list));default:return A(12*C(t.renewal))}}planFigure(t,n,r){let o=this.planCredits(t);switch(n){case"credits":return o;case"cost_per_credit":return o>0?this.planPrice(t,r)/o:0;case"cost_per_100":return o>0?this.planPrice(t,r)*100/o:0;case"year":return this.planYear(t,r);default:return this.planPrice(t,r)}}costPerVideo(t,n,r,o){let s=this.plan(n),a=this.clipCredits(t);if(s.dailyCredits!==null){if(a>s.dailyCredits)throw new c(`this clip costs ${E(a)} credits, more than the ${s.dailyCredits} credits the free plan gives per day; choose a paid plan`);return 0}let i=this.planPrice(s,r)/s.monthlyCredits;return a*i/(1-o)}videosPerMonth(t,n,r){let o=this.plan(n),s=this.clipCredits(t);return o.dailyCredits!==null?s>o.dailyCredits?0:F(F(o.dailyCredits/s)*K*(1-r)):F(F(o.monthlyCredits/s)*(1-r))}imagesPerMonth(t){let n=this.plan(t),r=Math.round(this.book.images.creditsPerImage*1e3);if(r<=0)throw new c("the price book gives images no credit cost");return n.dailyCredits!==null?Math.floor(Math.round(n.dailyCredits*1e3)/r)*K:Math.floor(Math.round(n.monthlyCredits*1e3)/r)}apiCost(t){let{mode:n,secs:r,audio:o,model:s}=t;if(s==="2.6"){if(n==="4k")throw new c(G);let i=this.book.apiClip26.find(l=>l.mode===n&&l.audio===o&&l.secs===r);if(!i)throw new c(`Kling's API offers no ${n} ${r} s clip${o?" with audio":""} for Kling 2.6${o&&n==="standard"?"; use professional with audio, or audio FALSE":""}`);return i.usd}let a=this.book.apiSecond30.find(i=>i.mode===n&&i.audio===o);if(!a)throw new c(`Kling's API offers no Kling 3.0 ${n} clip${o?" with audio":""}`);return Math.round(a.usdPerSecond*1e6)*r/1e6}options(t,n,r){let o=[];for(let s of this.paidPlans()){let a=t-s.monthlyCredits;if(a<=0)o.push(this.option(s,[],0,0,n));else if(r&&this.packSolver.hasPacks){let i=this.packSolver.coverFor(a);o.push(this.option(s,i.packs,i.cents,i.credits,n))}}return o.sort(Nt)}bestOption(t,n,r){if(!(t>=0&&t<=R))throw new c(`credits_per_month must be from 0 to ${E(R)}`);let o=`${t}|${n}|${r}`,s=this.bestCache.get(o);if(s)return s;let a;if(t===0){let i=this.book.plans.find(l=>l.dailyCredits!==null)??this.paidPlans()[0];i&&(a=this.option(i,[],0,0,n))}else a=this.options(t,n,r)[0];if(!a){let i=this.paidPlans(),l=i[i.length-1];throw new c(l?`no plan alone covers ${E(t)} credits a month (${l.name} has ${E(l.monthlyCredits)}); allow top-up packs (allow_topups TRUE) or plan fewer credits`:"the price book has no paid plan")}return this.bestCache.size>1e4&&this.bestCache.clear(),this.bestCache.set(o,a),a}budget(t,n,r){let o=0,s=0;for(let l of t)o+=this.clipCredits(l)*l.count,s+=l.count;let a=we(o*(1+r));if(a>R)throw new c(`this shot list needs ${E(a)} credits a month with the buffer, more than the ${E(R)} the add-on plans for`);let i=this.bestOption(a,n,!0);return{videos:s,credits:o,buffer:r,creditsWithBuffer:a,best:i,costPerVideo:s>0?i.monthlyCost/s:null}}option(t,n,r,o,s){let a=s==="annual"?(C(t.yearly)+12*r)/1200:A(C(this.planPrice(t,s))+r),i=A(C(this.planYear(t,s))+12*r),l=[t.name,...At(n)].join(" + ");return{plan:t,packs:n,credits:this.planCredits(t)+o,monthlyCost:a,yearCost:i,label:l}}};function At(e){let t=new Map;for(let n of e){let r=n.credits+n.bonus;t.set(r,(t.get(r)??0)+1)}return[...t].sort(([n],[r])=>r-n).map(([n,r])=>`${r>1?`${r} x `:""}${E(n)}-credit pack`)}function Nt(e,t){let n=e.monthlyCost-t.monthlyCost;return Math.abs(n)>1e-9?n:e.credits!==t.credits?t.credits-e.credits:e.packs.length-t.packs.length}var Ne=["Plan","Credits per month","Credits per day","First month (USD)","Monthly renewal (USD)","List monthly (USD)","Yearly (USD)","Yearly per month (USD)","Confidence","Source","As of"];function pe(e){let t=[[...Ne]];for(let n of e.plans){let r=n.dailyCredits!==null;t.push([n.name,r?n.dailyCredits*K:n.monthlyCredits,r?n.dailyCredits:"",n.firstMonth,n.renewal,n.list,n.yearly,Math.round(n.yearly*100)/1200,n.confidence,n.source,n.asOf])}return t}var Rt=["Videos per month","Credits for delivered videos","Buffer","Credits with buffer","Best option","Monthly cost (USD)","Cost per delivered video (USD)","12-month cost (USD)","Billing","Model"];function Re(e,t,n){let r=[e.videos,e.credits,e.buffer,e.creditsWithBuffer,e.best.label,e.best.monthlyCost,e.costPerVideo??"",e.best.yearCost,ue(t),n==="3.0"?"Kling 3.0 (credits are an estimate)":"Kling 2.6"];return Rt.map((o,s)=>[o,r[s]])}function Le(e){return`${e.rows} ${e.rows===1?"row":"rows"} x ${e.cols} ${e.cols===1?"column":"columns"}`}function q(e,t){if(!Array.isArray(e))return{single:e};let n=e.every(o=>Array.isArray(o))?e:[e];if(n.length===0||n[0].length===0)throw new c(`${t} is an empty range; give at least one cell`);let r=n[0].length;for(let o of n)if(o.length!==r)throw new c(`${t} is not a rectangular range (its rows have different lengths)`);return n.length===1&&r===1?{single:n[0][0]}:{grid:{rows:n.length,cols:r,cells:n}}}function Fe(e){return e instanceof c?e.message:"Kling Cost could not compute this; check the inputs"}function V(e){throw new Error(Fe(e))}function Ke(e){if(typeof e=="number"&&!Number.isFinite(e))throw new c("the result is too large to compute; use smaller numbers");return e}function $e(e,t,n){return b(e)||e===!1&&n.falseIsBlank!==void 0&&n.falseIsBlank.includes(t)}function x(e,t,n){let r=[],o=[];try{t.names.forEach((d,p)=>{let f=q(e[p],d);r.push(f.single),f.grid&&o.push({index:p,grid:f.grid})})}catch(d){V(d)}if(o.length===0){if(r.every((d,p)=>$e(d,p,t)))return"";try{return Ke(n(r))}catch(d){V(d)}}let s=o[0];for(let d of o)if(d.grid.rows!==s.grid.rows||d.grid.cols!==s.grid.cols)throw new Error(`ranges of different shapes: ${t.names[s.index]} is ${Le(s.grid)}, ${t.names[d.index]} is ${Le(d.grid)}; give ranges of the same size`);let{rows:a,cols:i}=s.grid,l=new Array(a);for(let d=0;d<a;d++){let p=new Array(i);for(let f=0;f<i;f++){let y=!0;for(let{index:S,grid:M}of o){let I=M.cells[d][f];r[S]=I,y&&!$e(I,S,t)&&(y=!1)}if(y){p[f]="";continue}try{p[f]=Ke(n(r))}catch(S){p[f]=`ERROR: ${Fe(S)}`}}l[d]=p}return l}function h(e){let t=new Map;return n=>{let r=t.get(n);if(r===void 0){try{r={ok:e(n)}}catch(o){r={error:o}}t.size<1e4&&t.set(n,r)}if("error"in r)throw r.error;return r.ok}}var _=new H(de);function J(){let e=h(s=>se(s)),t=h(s=>oe(s)),n=h(s=>ae(s)),r=h(s=>W(s,"2.6")),o=h(s=>W(s,"3.0"));return(s,a,i,l)=>{let d=e(l),p=t(s);if(p==="4k"&&d==="2.6")throw new c(G);return{mode:p,secs:d==="2.6"?r(a):o(a),audio:n(i),model:d}}}function Ue(...e){let t=J();return x(e,{names:["mode","secs","audio","model"],falseIsBlank:[2]},n=>_.clipCredits(t(n[0],n[1],n[2],n[3])))}function De(...e){let t=J(),n=h(s=>U(s)),r=h(s=>D(s)),o=h(s=>ce(s));return x(e,{names:["mode","secs","audio","plan","billing","retake_rate","model"],falseIsBlank:[2]},s=>{let a=t(s[0],s[1],s[2],s[6]);return _.costPerVideo(a,n(s[3]),r(s[4]),o(s[5]))})}function Ge(...e){let t=J(),n=h(o=>U(o)),r=h(o=>ce(o));return x(e,{names:["plan","mode","secs","audio","retake_rate","model"],falseIsBlank:[3]},o=>{let s=n(o[0]);return _.videosPerMonth(t(o[1],o[2],o[3],o[5]),s,r(o[4]))})}function He(...e){let t=h(n=>U(n));return x(e,{names:["plan"]},n=>_.imagesPerMonth(t(n[0])))}function Ve(...e){let t=h(o=>U(o)),n=h(o=>Ae(o)),r=h(o=>D(o));return x(e,{names:["plan","field","billing"]},o=>_.planFigure(_.plan(t(o[0])),n(o[1]),r(o[2])))}function Ye(e){let t=Me(e[0]);return _.bestOption(t,D(e[1]),ie(e[2],"allow_topups",!0))}var ve={names:["credits_per_month","billing","allow_topups"]};function je(...e){return x(e,ve,t=>Ye(t).label)}function We(...e){return x(e,ve,t=>Ye(t).monthlyCost)}function Xe(...e){let t=J();return x(e,{names:["mode","secs","audio","model"],falseIsBlank:[2]},n=>_.apiCost(t(n[0],n[1],n[2],n[3])))}var fe=["modes","secs","audios","counts"];function ze(...e){try{let[,,,,t,n,r]=e,o=fe.map((u,g)=>q(e[g],u)),s={billing:t,buffer:n,model:r},a={};for(let[u,g]of Object.entries(s)){let P=q(g,u);if(P.grid)throw new c(`${u} must be a single value, not a range`);a[u]=P.single}let i=o.filter(u=>u.grid);if(i.length===0&&[...o.map(u=>u.single),...Object.values(a)].every((u,g)=>b(u)||g===2&&u===!1))return"";let l=i[0]?.grid;o.forEach((u,g)=>{if(u.grid&&l&&(u.grid.rows!==l.rows||u.grid.cols!==l.cols))throw new c(`${fe[g]} has ${u.grid.rows} x ${u.grid.cols} cells but ${fe[o.indexOf(i[0])]} has ${l.rows} x ${l.cols}; give the shot list as ranges of the same rows`)});let d=D(a.billing),p=Te(a.buffer),f=se(a.model),y=l?l.rows:1,S=l?l.cols:1,M=(u,g,P)=>{let $=o[u];return $.grid?$.grid.cells[g][P]:$.single},I=[];for(let u=0;u<y;u++)for(let g=0;g<S;g++){let P=[0,1,2,3].map(w=>M(w,u,g)),$=w=>!l||o[w]?.grid!==void 0;if(P.every((w,j)=>!$(j)||b(w)||j===2&&w===!1))continue;let nt=S>1?`row ${u+1}, column ${g+1}`:`row ${u+1}`;try{let w=oe(P[0],"mode"),j=W(P[1],f,"secs"),rt=ae(P[2],"audio"),ot=Be(P[3],"count"),ge={mode:w,secs:j,audio:rt,model:f,count:ot};_.clipCredits(ge),I.push(ge)}catch(w){throw w instanceof c?new c(`${nt}: ${w.message}`):w}}return Re(_.budget(I,d,p),d,f)}catch(t){V(t)}}function qe(){try{return pe(_.book)}catch(e){V(e)}}function me(e){SpreadsheetApp.getUi().createAddonMenu().addItem("Help","showHelp").addToUi()}function Je(e){me(e)}var Q=["mode","standard (std, 720p), professional (pro, 1080p) or 4k (Kling 3.0 only)."],Z=["secs","Clip length in seconds: 5 or 10 for Kling 2.6; 3 to 15 for Kling 3.0."],ee=["audio","TRUE for native audio; FALSE or empty for none."],Y=["model","Kling model: 2.6 (default) or 3.0 (credits estimated)."],te=["plan","free (basic), standard, pro, premier or ultra."],v=["billing","monthly (renewal, default), intro (first month), annual (yearly / 12) or list."],Qe=["retake_rate","Share of paid generations thrown away, 0 to below 1, e.g. 0.2 or 20% (default 0)."],Ze=["credits_per_month","Credits needed each month."],et=["allow_topups","TRUE (default) to consider a plan plus top-up packs; FALSE for plans alone."],he={KLING_CREDITS:{description:"Credits one Kling generation costs.",params:[Q,Z,ee,Y],returns:"Credits per generation.",customFunction:!0},KLING_COST:{description:"USD per delivered video on a plan, retakes included.",params:[Q,Z,ee,te,v,Qe,Y],returns:"USD per delivered video.",customFunction:!0},KLING_VIDEOS:{description:"Whole videos a plan delivers per month, retakes included.",params:[te,Q,Z,ee,Qe,Y],returns:"Videos per month.",customFunction:!0},KLING_IMAGES:{description:"Whole images a plan's monthly credits make at 0.2 credits each.",params:[te],returns:"Images per month.",customFunction:!0},KLING_PLAN:{description:"One figure of a Kling plan.",params:[te,["field","credits, price (default), cost_per_credit, cost_per_100 or year."],v],returns:"The figure: credits or USD.",customFunction:!0},KLING_BEST_PLAN:{description:"The cheapest way to get that many credits each month (a plan, maybe with top-up packs).",params:[Ze,v,et],returns:'The option, e.g. "Standard + 330-credit pack".',customFunction:!0},KLING_MONTHLY_COST:{description:"USD per month of the cheapest way to get that many credits each month.",params:[Ze,v,et],returns:"USD per month.",customFunction:!0},KLING_API_COST:{description:"USD for the same generation through Kling's API (official rates).",params:[Q,Z,ee,Y],returns:"USD per generation.",customFunction:!0},KLING_BUDGET:{description:"Budget of a shot list: credits with a buffer, best option and costs.",params:[["modes","Range of modes, one row per shot."],["secs","Range of clip lengths in seconds."],["audios","Range of TRUE/FALSE for native audio."],["counts","Range of videos needed per month."],v,["buffer","Extra credits on top of the need, e.g. 0.2 or 20% (default 0.2)."],Y],returns:"A two-column table: label, value.",customFunction:!0},KLING_PRICES:{description:"The plan table of the price book, with each row's source and as-of date.",params:[],returns:"A table with a header row.",customFunction:!0}},Lt={onOpen:{description:"Builds the Kling Cost menu when the spreadsheet opens.",params:[["e","The open event."]]},onInstall:{description:"Builds the Kling Cost menu right after the add-on is installed.",params:[["e","The install event."]]},showHelp:{description:"Shows the custom functions and their arguments.",params:[]}},wn={...he,...Lt};function Kt(){return`Kling Cost: what Kling AI video generation really costs.

${Object.entries(he).map(([t,n])=>`=${t}(${n.params.map(([r])=>r).join(", ")})
  ${n.description}`).join(`
`)}`}function tt(){let e=SpreadsheetApp.getUi();e.alert("Kling Cost help",Kt(),e.ButtonSet.OK)}return dt($t);})();
